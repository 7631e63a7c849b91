import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCoreOrder } from '../service-orders.mappers.ts';
import { coreOrder } from '../service-orders.schemas.ts';
import { ordersOfCustomer } from '../service-orders.service.ts';

export const coreGetOsPessoa = defineCoreEndpoint({
  id: 'core:GET /os/pessoa',
  method: 'GET',
  path: '/os/pessoa',
  service: ALL_SERVICES,
  summary: 'Service orders of a customer, newest first (bare array; [] when none); unknown customer → 003',
  query: Type.Object({ pessoa: mkParam.id({ description: 'código do cliente' }) }),
  response: Type.Array(coreOrder),
  async handler({ params, deps }) {
    return (await ordersOfCustomer(deps.db, params.pessoa)).map(toCoreOrder);
  },
});
