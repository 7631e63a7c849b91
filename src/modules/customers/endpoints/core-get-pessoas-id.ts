import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCorePerson } from '../customers.mappers.ts';
import { corePerson } from '../customers.schemas.ts';
import { personById } from '../customers.service.ts';

/** Documented three times (the third names the parameter `cod`): one route answers all. */
export const coreGetPessoasId = defineCoreEndpoint({
  id: 'core:GET /pessoas/id',
  alsoImplements: ['core:GET /pessoas/id#2', 'core:GET /pessoas/id#3'],
  method: 'GET',
  path: '/pessoas/id',
  service: ALL_SERVICES,
  summary: 'One customer by code, camelCase; unknown → HTTP 404 with the 003 envelope',
  query: Type.Object({ id: mkParam.id({ description: 'código do cadastro do cliente', aliases: ['cod'] }) }),
  response: corePerson,
  async handler({ params, deps }) {
    const { person, company } = await personById(deps.db, params.id);
    return toCorePerson(person, company);
  },
});
