import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toAgenda } from '../service-orders.mappers.ts';
import { agendaItem } from '../service-orders.schemas.ts';
import { scheduleOf } from '../service-orders.service.ts';

export const wsmkConsultaOrdemAgendamento = defineMkEndpoint({
  id: 'WSMKConsultaOrdemAgendamento',
  service: ALL_SERVICES,
  summary:
    'Service orders opened on DataAbertura (optionally of one tecnico and/or cliente), ordered by scheduled time (unscheduled last, Data_agendamento ""); list key "Agendas:"',
  query: Type.Object({
    DataAbertura: mkParam.date({ description: 'data de abertura da OS' }),
    tecnico: Type.Optional(mkParam.id({ description: 'código do técnico' })),
    cliente: Type.Optional(mkParam.id({ description: 'código do cliente' })),
  }),
  response: Type.Object({ 'Agendas:': Type.Array(agendaItem) }),
  async handler({ params, deps }) {
    const rows = await scheduleOf(deps.db, params.DataAbertura, params.tecnico, params.cliente);
    return { 'Agendas:': rows.map(toAgenda) };
  },
});
