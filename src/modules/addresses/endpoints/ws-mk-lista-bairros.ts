import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { neighbourhoodsOfCity } from '../addresses.service.ts';

export const wsmkListaBairros = defineMkEndpoint({
  id: 'WSMKListaBairros',
  service: ALL_SERVICES,
  summary: 'Neighbourhoods of a city; unknown city → 003',
  query: Type.Object({ cd_cidade: mkParam.id({ description: 'código da cidade no cadastro de endereços' }) }),
  response: Type.Object({
    CodigoCidade: Type.Integer(),
    Cidade: Type.String(),
    Bairros: Type.Array(Type.Object({ codbairro: Type.Integer(), nome: Type.String() })),
  }),
  async handler({ params, deps }) {
    const { city, neighbourhoods } = await neighbourhoodsOfCity(deps.db, params.cd_cidade);
    return {
      CodigoCidade: city.id,
      Cidade: city.name,
      Bairros: neighbourhoods.map((n) => ({ codbairro: n.id, nome: n.name })),
    };
  },
});
