import type { Module } from '../module.ts';
import { wsmkAlterarCartao } from './endpoints/ws-mk-alterar-cartao.ts';
import { wsmkConsultarCartao } from './endpoints/ws-mk-consultar-cartao.ts';
import { wsmkLiquidacaoFaturas } from './endpoints/ws-mk-liquidacao-faturas.ts';
import { wsmkLiquidacaoFaturasV2 } from './endpoints/ws-mk-liquidacao-faturas-v2.ts';
import { wsmkPedidoLiquidacao } from './endpoints/ws-mk-pedido-liquidacao.ts';
import { wsmkPerfilCartaoCreditoNovo } from './endpoints/ws-mk-perfil-cartao-credito-novo.ts';
import { startPaymentsRetention } from './retention.ts';

export const paymentsModule: Module = {
  name: 'payments',
  endpoints: [
    wsmkPedidoLiquidacao,
    wsmkLiquidacaoFaturas,
    wsmkLiquidacaoFaturasV2,
    wsmkPerfilCartaoCreditoNovo,
    wsmkConsultarCartao,
    wsmkAlterarCartao,
  ],
  /** The retention job: expired Idempotency-Key answers, vault entries of long-deactivated cards. */
  async routes(app, deps) {
    const stop = startPaymentsRetention(deps);
    app.addHook('onClose', async () => stop());
  },
};
