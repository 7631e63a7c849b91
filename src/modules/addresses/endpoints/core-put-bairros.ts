import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { coreNeighbourhood, toCoreNeighbourhood } from '../addresses.schemas.ts';
import { updateNeighbourhood } from '../addresses.service.ts';

export const corePutBairros = defineCoreEndpoint({
  id: 'core:PUT /bairros',
  method: 'PUT',
  path: '/bairros',
  service: ALL_SERVICES,
  summary: 'Renames a neighbourhood',
  query: Type.Object({
    id: mkParam.id({ description: 'código do bairro' }),
    nome: mkParam.text(120, { description: 'novo nome do bairro' }),
  }),
  response: coreNeighbourhood,
  async handler({ params, deps, caller }) {
    return toCoreNeighbourhood(await updateNeighbourhood(deps, caller, { id: params.id, name: params.nome }));
  },
});
