import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { splitDateTime, ticketStatusCode, ticketStatusText } from '../tickets.mappers.ts';
import { ticketsInPeriod } from '../tickets.service.ts';

const opt = Type.Optional;
const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const wsmkAtendimentos = defineMkEndpoint({
  id: 'WSMKAtendimentos',
  service: ALL_SERVICES,
  summary: 'Tickets of every customer opened in the period (São Paulo days, inclusive); bare array, oldest first',
  query: Type.Object({
    data_inicio: opt(mkParam.date({ description: 'AAAA-MM-DD (DD/MM/AAAA também aceito)' })),
    data_termino: opt(mkParam.date({ description: 'AAAA-MM-DD (DD/MM/AAAA também aceito)', aliases: ['data_terminoperíodo'] })),
  }),
  response: Type.Array(
    Type.Object({
      codigo_atendente: nullableInt,
      codigo_atendimento: Type.Integer(),
      codigo_cliente: Type.Integer(),
      codigo_status: Type.String(),
      contratoid: nullableInt,
      data_abertura: Type.String(),
      descricao_status: Type.String(),
      hr_abertura: Type.String(),
      nome_atendente: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  async handler({ params, deps }) {
    const rows = await ticketsInPeriod(deps.db, params.data_inicio, params.data_termino);
    return rows.map((t) => {
      const [date, time] = splitDateTime(t.opened_at);
      return {
        codigo_atendente: t.attendant_id,
        codigo_atendimento: t.id,
        codigo_cliente: t.customer_id,
        codigo_status: ticketStatusCode(t.status),
        contratoid: t.contract_id,
        data_abertura: date,
        descricao_status: ticketStatusText(t.status),
        hr_abertura: time,
        nome_atendente: t.attendant_name,
      };
    });
  },
});
