import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkState, toMkState } from '../addresses.schemas.ts';
import { addressStructure } from '../addresses.service.ts';

export const wsmkListaEstruturaEnderecos = defineMkEndpoint({
  id: 'WSMKListaEstruturaEnderecos',
  service: 16,
  summary: 'The whole address structure as four flat lists linked by codes (cd_uf, cd_cidade, cd_bairro, cd_logradouro)',
  query: Type.Object({}),
  response: Type.Object({
    Estados: Type.Array(mkState),
    Cidades: Type.Array(Type.Object({ codcidade: Type.Integer(), codestado: Type.Integer(), nome: Type.String(), ibge: Type.Integer() })),
    Bairros: Type.Array(Type.Object({ codbairro: Type.Integer(), codcidade: Type.Integer(), nome: Type.String() })),
    Logradouros: Type.Array(
      Type.Object({ codlogradouro: Type.Integer(), codbairro: Type.Integer(), nome: Type.String(), cep: Type.String() }),
    ),
  }),
  async handler({ deps }) {
    const s = await addressStructure(deps.db);
    return {
      Estados: s.states.map(toMkState),
      Cidades: s.cities.map((c) => ({ codcidade: c.id, codestado: c.state_id, nome: c.name, ibge: c.ibge_code })),
      Bairros: s.neighbourhoods.map((n) => ({ codbairro: n.id, codcidade: n.city_id, nome: n.name })),
      Logradouros: s.streets.map((r) => ({ codlogradouro: r.id, codbairro: r.neighbourhood_id, nome: r.name, cep: r.cep })),
    };
  },
});
