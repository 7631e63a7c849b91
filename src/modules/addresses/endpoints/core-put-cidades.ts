import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { coreCity, toCoreCity } from '../addresses.schemas.ts';
import { updateCity } from '../addresses.service.ts';

export const corePutCidades = defineCoreEndpoint({
  id: 'core:PUT /cidades',
  method: 'PUT',
  path: '/cidades',
  service: ALL_SERVICES,
  summary: 'Renames a city or changes its IBGE code (at least one of them)',
  query: Type.Object({
    id: mkParam.id({ description: 'código da cidade' }),
    nome: Type.Optional(mkParam.text(120)),
    IBGE: Type.Optional(mkParam.integer(1_000_000, 9_999_999)),
  }),
  response: coreCity,
  async handler({ params, deps, caller }) {
    return toCoreCity(
      await updateCity(deps, caller, {
        id: params.id,
        ...(params.nome !== undefined ? { name: params.nome } : {}),
        ...(params.IBGE !== undefined ? { ibge: params.IBGE } : {}),
      }),
    );
  },
});
