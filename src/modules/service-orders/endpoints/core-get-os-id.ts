import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCoreOrder } from '../service-orders.mappers.ts';
import { coreOrder } from '../service-orders.schemas.ts';
import { orderById } from '../service-orders.service.ts';

export const coreGetOsId = defineCoreEndpoint({
  id: 'core:GET /os/id',
  method: 'GET',
  path: '/os/id',
  service: ALL_SERVICES,
  summary: 'One service order by its code (camelCase object); unknown → 003',
  query: Type.Object({ id: mkParam.id({ description: 'código da OS' }) }),
  response: coreOrder,
  async handler({ params, deps }) {
    return toCoreOrder(await orderById(deps.db, params.id));
  },
});
