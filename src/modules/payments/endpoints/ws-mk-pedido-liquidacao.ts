import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam, splitIdList } from '../../../http/mk/params.ts';
import { formatDateBr, formatDateTimeBr } from '../../../lib/dates.ts';
import { applyPercent, centsToDecimal } from '../../../lib/money.ts';
import { createPaymentOrder } from '../payment-order.service.ts';
import { wireDateTime } from '../../../http/wire-schemas.ts';

export const wsmkPedidoLiquidacao = defineMkEndpoint({
  id: 'WSMKPedidoLiquidacao',
  service: ALL_SERVICES,
  summary: 'Payment order: receivable invoices of a customer priced as of today, with an expiring IDPagamento',
  query: Type.Object({
    cd_cliente: mkParam.id({ description: 'customer code' }),
    faturas: mkParam.idList(';', { description: 'invoice codes of that customer: 1;2;3' }),
  }),
  response: Type.Object({
    DataHoraExpiracao: wireDateTime('DD/MM/YYYY HH:MM:SS; the IDPagamento is refused after it'),
    FaturasDetalhes: Type.Array(Type.Object({}, { additionalProperties: true })),
    FormasPgto: Type.Array(Type.Object({}, { additionalProperties: true })),
    IDPagamento: Type.String(),
    ValorTotal: Type.Number(),
    ValorTotalAcre: Type.Number(),
    ValorTotalDes: Type.Number(),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps, caller }) {
    const o = await createPaymentOrder(deps, caller, { customerId: params.cd_cliente, invoiceIds: splitIdList(params.faturas, ';') });
    return {
      DataHoraExpiracao: formatDateTimeBr(o.expiresAt),
      FaturasDetalhes: o.priced.map(({ invoice, price }) => ({
        codfatura: invoice.id,
        data_vencimento: formatDateBr(invoice.due_date),
        descricao: invoice.description,
        valor_acrescimo: centsToDecimal(price.surchargeCents),
        valor_cobrar: centsToDecimal(price.amountCents),
        valor_desconto: centsToDecimal(price.discountCents),
        valor_original: centsToDecimal(price.originalCents),
      })),
      FormasPgto: o.conditions.map((c) => {
        const total = o.totals.total + applyPercent(o.totals.total, c.fee_basis_points);
        return {
          codigo: c.id,
          descricao: c.description,
          parcelas: c.installments,
          valor_parcela: centsToDecimal(Math.ceil(total / c.installments)),
          valor_total: centsToDecimal(total),
        };
      }),
      IDPagamento: o.publicId,
      ValorTotal: centsToDecimal(o.totals.total),
      ValorTotalAcre: centsToDecimal(o.totals.surcharge),
      ValorTotalDes: centsToDecimal(o.totals.discount),
    };
  },
});
