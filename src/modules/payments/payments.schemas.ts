import { Type } from '@sinclair/typebox';
import { mkParam } from '../../http/mk/params.ts';
import { centsToDecimal } from '../../lib/money.ts';

export const ID_PAGAMENTO = mkParam.pattern('^[A-Za-z0-9_-]{16,128}$', 'IDPagamento de WSMKPedidoLiquidacao');

export const settlementResponse = Type.Object({
  Faturas: Type.Array(Type.Object({ codfatura: Type.Integer(), valor_pago: Type.Number() })),
  IDPagamento: Type.String(),
  Mensagem: Type.String(),
  ValorTotal: Type.Number(),
  status: Type.Literal('OK'),
});

export function settlementReply(r: { publicId: string; settled: Array<{ invoiceId: number; amountCents: number }> }) {
  return {
    Faturas: r.settled.map((s) => ({ codfatura: s.invoiceId, valor_pago: centsToDecimal(s.amountCents) })),
    IDPagamento: r.publicId,
    Mensagem: `${r.settled.length} fatura(s) liquidada(s) com sucesso.`,
    ValorTotal: centsToDecimal(r.settled.reduce((acc, s) => acc + s.amountCents, 0)),
  };
}
