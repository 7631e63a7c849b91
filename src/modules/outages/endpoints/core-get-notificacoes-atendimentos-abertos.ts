import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toOpenTicket } from '../outages.mappers.ts';
import { openTickets } from '../outages.service.ts';

export const coreGetNotificacoesAtendimentosAbertos = defineCoreEndpoint({
  id: 'core:GET /notificacoes/atendimentos-abertos',
  method: 'GET',
  path: '/notificacoes/atendimentos-abertos',
  service: ALL_SERVICES,
  summary: 'Tickets not yet closed tied to an outage notice (WSMKAtendimentos item keys); bare array',
  query: Type.Object({ codigo_parada: mkParam.id({ description: 'código da notificação de parada' }) }),
  response: Type.Array(Type.Object({ codigo_atendimento: Type.Integer(), protocolo: Type.String() }, { additionalProperties: true })),
  async handler({ params, deps }) {
    return (await openTickets(deps.db, params.codigo_parada)).map(toOpenTicket);
  },
});
