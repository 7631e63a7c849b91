import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { withIdempotency } from '../idempotency.ts';
import { settleV1 } from '../settlement.service.ts';
import { ID_PAGAMENTO, settlementReply, settlementResponse } from '../payments.schemas.ts';

export const wsmkLiquidacaoFaturas = defineMkEndpoint({
  id: 'WSMKLiquidacaoFaturas',
  service: ALL_SERVICES,
  summary: 'Settles every invoice of a live IDPagamento by card (one of its FormasPgto); Idempotency-Key honoured',
  query: Type.Object({
    IDPagamento: ID_PAGAMENTO,
    FormaPgto: mkParam.id({ description: 'payment condition code listed in FormasPgto' }),
    conta: mkParam.id({ description: 'bank account receiving the money' }),
    NSU: Type.Optional(mkParam.text(40)),
    ARP: Type.Optional(mkParam.text(40)),
  }),
  response: settlementResponse,
  async handler({ params, deps, caller, headers }) {
    return withIdempotency(deps, { endpointId: 'WSMKLiquidacaoFaturas', caller, headers, params }, async () =>
      settlementReply(
        await settleV1(deps, caller, {
          publicId: params.IDPagamento,
          conditionId: params.FormaPgto,
          accountId: params.conta,
          ...(params.NSU ? { nsu: params.NSU } : {}),
          ...(params.ARP ? { arp: params.ARP } : {}),
        }),
      ),
    );
  },
});
