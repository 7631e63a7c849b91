import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toAffectedConnection } from '../outages.mappers.ts';
import { affectedConnections } from '../outages.service.ts';

export const coreGetNotificacoesConexoesAfetadas = defineCoreEndpoint({
  id: 'core:GET /notificacoes/conexoes-afetadas',
  method: 'GET',
  path: '/notificacoes/conexoes-afetadas',
  service: ALL_SERVICES,
  summary: 'Connections affected by an outage notice; bare array; unknown notice → HTTP 404 with 003',
  query: Type.Object({ codigo_parada: mkParam.id({ description: 'código da notificação de parada' }) }),
  response: Type.Array(Type.Object({ codconexao: Type.Integer(), codcliente: Type.Integer() }, { additionalProperties: true })),
  async handler({ params, deps }) {
    return (await affectedConnections(deps.db, params.codigo_parada)).map(toAffectedConnection);
  },
});
