import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam, splitIdList } from '../../../http/mk/params.ts';
import { todayInSaoPaulo } from '../../../lib/dates.ts';
import { invoiceSituation } from '../billing.mappers.ts';
import { changeInvoiceStatus } from '../invoice-actions.service.ts';

export const wsmkAlteraStatusFaturas = defineMkEndpoint({
  id: 'WSMKAlteraStatusFaturas',
  service: ALL_SERVICES,
  summary: 'Suspends (suspender=S, motivo required) or reopens (N) invoices; faturas separated by ","',
  query: Type.Object({
    suspender: mkParam.oneOf(['S', 'N']),
    motivo_suspensao: Type.Optional(mkParam.id({ description: 'suspension reason code; required when suspender=S' })),
    observacoes: Type.Optional(mkParam.text(500)),
    faturas: mkParam.idList(',', { description: 'invoice codes: 1,2,3' }),
  }),
  response: Type.Object({
    Faturas: Type.Array(Type.Object({ codfatura: Type.Integer(), situacao: Type.String() })),
    Mensagem: Type.String(),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps, caller }) {
    const suspend = params.suspender === 'S';
    const rows = await changeInvoiceStatus(deps, caller, {
      suspend,
      reasonId: params.motivo_suspensao,
      note: params.observacoes,
      invoiceIds: splitIdList(params.faturas, ','),
    });
    const today = todayInSaoPaulo(deps.clock.now());
    return {
      Faturas: rows.map((r) => ({ codfatura: r.id, situacao: invoiceSituation(r, today) })),
      Mensagem: `${rows.length} fatura(s) ${suspend ? 'suspensa(s)' : 'retirada(s) da suspensão'}.`,
    };
  },
});
