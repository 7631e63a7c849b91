import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { formatDateTimeBr } from '../../../lib/dates.ts';
import { reservePort } from '../viability.service.ts';
import { wireDateTime } from '../../../http/wire-schemas.ts';

export const wsmkReservarPorta = defineMkEndpoint({
  id: 'WSMKReservarPorta',
  service: ALL_SERVICES,
  summary: "Reserves a free port of the lead's nearest box for periodo_reserva days (default from the CRM settings: 7)",
  query: Type.Object({
    cd_lead: mkParam.id({ description: 'código da lead' }),
    periodo_reserva: Type.Optional(mkParam.integer(1, 90, { description: 'dias de reserva (padrão do sistema: 7)' })),
  }),
  response: Type.Object({
    CodigoCaixa: Type.Integer(),
    CodigoLead: Type.Integer(),
    CodigoReserva: Type.Integer(),
    DescricaoCaixa: Type.String(),
    Distancia: Type.Integer(),
    Porta: Type.Integer(),
    ReservadaAte: wireDateTime('DD/MM/AAAA HH:MM:SS (São Paulo)'),
  }),
  async handler({ params, deps, caller }) {
    const r = await reservePort(deps, caller, params.cd_lead, params.periodo_reserva);
    return {
      CodigoCaixa: r.boxId,
      CodigoLead: r.leadId,
      CodigoReserva: r.reservationId,
      DescricaoCaixa: r.boxCode,
      Distancia: Math.round(r.distance),
      Porta: r.port,
      ReservadaAte: formatDateTimeBr(r.expiresAt),
    };
  },
});
