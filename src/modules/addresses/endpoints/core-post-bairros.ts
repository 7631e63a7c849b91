import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { coreNeighbourhood, toCoreNeighbourhood } from '../addresses.schemas.ts';
import { createNeighbourhood } from '../addresses.service.ts';

export const corePostBairros = defineCoreEndpoint({
  id: 'core:POST /bairros',
  method: 'POST',
  path: '/bairros',
  service: ALL_SERVICES,
  summary: 'Creates a neighbourhood; name unique per city (case/accent-insensitive)',
  query: Type.Object({
    nome: mkParam.text(120, { description: 'nome do novo bairro' }),
    cidadeId: mkParam.id({ description: 'código da cidade' }),
  }),
  response: coreNeighbourhood,
  async handler({ params, deps, caller }) {
    return toCoreNeighbourhood(await createNeighbourhood(deps, caller, { name: params.nome, cityId: params.cidadeId }));
  },
});
