import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { formatDateBr } from '../../../lib/dates.ts';
import { formatBrl } from '../../../lib/money.ts';
import { secondCopy } from '../billing.service.ts';
import { wireDate } from '../../../http/wire-schemas.ts';

export const wsmkSegundaViaCobranca = defineMkEndpoint({
  id: 'WSMKSegundaViaCobranca',
  service: 1,
  summary: 'Second copy of an invoice: amount, due date and an expiring link to the boleto PDF',
  query: Type.Object({ cd_fatura: mkParam.id({ description: 'invoice code' }) }),
  response: Type.Object({
    CodigoPessoa: Type.Integer(),
    Fatura: Type.String(),
    PathDownload: Type.String({ description: 'signed link to the PDF, no session token needed, expires' }),
    Valor: Type.String({ description: '"R$ 99,90"' }),
    Vcto: wireDate('DD/MM/YYYY'),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const { invoice, url } = await secondCopy(deps, params.cd_fatura);
    return {
      CodigoPessoa: invoice.customer_id,
      Fatura: String(invoice.id),
      PathDownload: url,
      Valor: formatBrl(invoice.amount_cents),
      Vcto: formatDateBr(invoice.due_date),
    };
  },
});
