import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { parseMoneyToCents } from '../../../lib/money.ts';
import { withIdempotency } from '../idempotency.ts';
import { type SettlementMethod, settleV2 } from '../settlement.service.ts';
import { ID_PAGAMENTO, settlementReply, settlementResponse } from '../payments.schemas.ts';

function cents(name: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const parsed = parseMoneyToCents(value);
  if (parsed === null) throw new MkError('invalidParam', `Parâmetro inválido: ${name} (valor em reais, ex. 99.90 ou 99,90).`);
  return parsed;
}

export const wsmkLiquidacaoFaturasV2 = defineMkEndpoint({
  id: 'WSMKLiquidacaoFaturasV2',
  service: ALL_SERVICES,
  summary: 'Settles a live IDPagamento with caller-stated amounts (3 card, 4 deposit, 101 PIX); Idempotency-Key honoured',
  query: Type.Object({
    IDPagamento: ID_PAGAMENTO,
    forma_pagto: mkParam.oneOf(['3', '4', '101'], { description: '3 cartão de crédito, 4 depósito, 101 PIX' }),
    conta: mkParam.id({ description: 'bank account receiving the money' }),
    valor_total: mkParam.text(20, { description: 'must equal sum − valor_desconto + valor_acrescimo' }),
    valor_acrescimo: Type.Optional(mkParam.text(20)),
    valor_desconto: Type.Optional(mkParam.text(20)),
    data_recebimento: mkParam.date({ description: 'date received; not in the future' }),
  }),
  response: settlementResponse,
  async handler({ params, deps, caller, headers }) {
    return withIdempotency(deps, { endpointId: 'WSMKLiquidacaoFaturasV2', caller, headers, params }, async () =>
      settlementReply(
        await settleV2(deps, caller, {
          publicId: params.IDPagamento,
          methodId: Number(params.forma_pagto) as SettlementMethod,
          accountId: params.conta,
          totalCents: cents('valor_total', params.valor_total),
          surchargeCents: cents('valor_acrescimo', params.valor_acrescimo),
          discountCents: cents('valor_desconto', params.valor_desconto),
          receivedOn: params.data_recebimento,
        }),
      ),
    );
  },
});
