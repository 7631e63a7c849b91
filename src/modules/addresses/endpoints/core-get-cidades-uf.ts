import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { coreCity, toCoreCity } from '../addresses.schemas.ts';
import { citiesOfState } from '../addresses.service.ts';

export const coreGetCidadesUf = defineCoreEndpoint({
  id: 'core:GET /cidades/uf',
  method: 'GET',
  path: '/cidades/uf',
  service: ALL_SERVICES,
  summary: 'Cities of a state by its abbreviation (bare array); unknown UF → 003',
  query: Type.Object({
    uf: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'sigla do estado', 'x-hint': 'sigla com 2 letras' }),
  }),
  response: Type.Array(coreCity),
  async handler({ params, deps }) {
    return (await citiesOfState(deps.db, params.uf)).map(toCoreCity);
  },
});
