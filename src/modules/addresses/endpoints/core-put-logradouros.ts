import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { coreStreet, toCoreStreet } from '../addresses.schemas.ts';
import { updateStreet } from '../addresses.service.ts';

export const corePutLogradouros = defineCoreEndpoint({
  id: 'core:PUT /logradouros',
  method: 'PUT',
  path: '/logradouros',
  service: ALL_SERVICES,
  summary: 'Renames a street or changes its CEP (at least one); `id` is required though the doc omits it',
  query: Type.Object({
    id: mkParam.id({ description: 'código do logradouro' }),
    nome: Type.Optional(mkParam.text(150)),
    cep: Type.Optional(mkParam.text(10)),
  }),
  response: coreStreet,
  async handler({ params, deps, caller }) {
    return toCoreStreet(
      await updateStreet(deps, caller, {
        id: params.id,
        ...(params.nome !== undefined ? { name: params.nome } : {}),
        ...(params.cep !== undefined ? { cep: params.cep } : {}),
      }),
    );
  },
});
