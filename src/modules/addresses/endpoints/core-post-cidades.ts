import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { coreCity, toCoreCity } from '../addresses.schemas.ts';
import { createCity } from '../addresses.service.ts';

export const corePostCidades = defineCoreEndpoint({
  id: 'core:POST /cidades',
  method: 'POST',
  path: '/cidades',
  service: ALL_SERVICES,
  summary: 'Creates a city; name unique per state (case/accent-insensitive), IBGE code unique',
  query: Type.Object({
    nome: mkParam.text(120, { description: 'nome da cidade' }),
    IBGE: mkParam.integer(1_000_000, 9_999_999, { description: 'código IBGE (7 dígitos)' }),
    estado: mkParam.integer(1, 99, { description: 'código do estado (WSMKListaEstados)' }),
  }),
  response: coreCity,
  async handler({ params, deps, caller }) {
    return toCoreCity(await createCity(deps, caller, { name: params.nome, ibge: params.IBGE, stateId: params.estado }));
  },
});
