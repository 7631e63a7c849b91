import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toOutageItem } from '../outages.mappers.ts';
import { outagesByStatus } from '../outages.service.ts';

export const coreGetNotificacoesStatus = defineCoreEndpoint({
  id: 'core:GET /notificacoes/status',
  method: 'GET',
  path: '/notificacoes/status',
  service: ALL_SERVICES,
  summary: 'Outage notices in progress (A) or finished (F), newest first; bare array',
  query: Type.Object({ status: mkParam.oneOf(['A', 'F'] as const, { description: 'A = em andamento, F = finalizadas' }) }),
  response: Type.Array(Type.Object({ cod: Type.Integer(), titulo: Type.String(), status: Type.String() }, { additionalProperties: true })),
  async handler({ params, deps }) {
    return (await outagesByStatus(deps.db, params.status)).map(toOutageItem);
  },
});
