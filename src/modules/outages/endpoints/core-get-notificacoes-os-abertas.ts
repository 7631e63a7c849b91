import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toOpenServiceOrder } from '../outages.mappers.ts';
import { openServiceOrders } from '../outages.service.ts';

export const coreGetNotificacoesOsAbertas = defineCoreEndpoint({
  id: 'core:GET /notificacoes/os-abertas',
  method: 'GET',
  path: '/notificacoes/os-abertas',
  service: ALL_SERVICES,
  summary: 'Open service orders (open, scheduled, in progress) tied to an outage notice; bare array',
  query: Type.Object({ codigo_parada: mkParam.id({ description: 'código da notificação de parada' }) }),
  response: Type.Array(Type.Object({ codos: Type.Integer(), codcliente: Type.Integer() }, { additionalProperties: true })),
  async handler({ params, deps }) {
    return (await openServiceOrders(deps.db, params.codigo_parada)).map(toOpenServiceOrder);
  },
});
