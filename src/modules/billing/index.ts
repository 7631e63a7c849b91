import type { Module } from '../module.ts';
import { boletoRoutes } from './boleto-download.ts';
import { wsmkAlteraStatusFaturas } from './endpoints/ws-mk-altera-status-faturas.ts';
import { wsmkConsultaBarras } from './endpoints/ws-mk-consulta-barras.ts';
import { wsmkFaturas } from './endpoints/ws-mk-faturas.ts';
import { wsmkFaturasAbertas } from './endpoints/ws-mk-faturas-abertas.ts';
import { wsmkFaturasPendentes } from './endpoints/ws-mk-faturas-pendentes.ts';
import { wsmkLdViaSms } from './endpoints/ws-mk-ld-via-sms.ts';
import { wsmkRetornarCopieColaPix } from './endpoints/ws-mk-retornar-copie-cola-pix.ts';
import { wsmkSegundaViaCobranca } from './endpoints/ws-mk-segunda-via-cobranca.ts';

export const billingModule: Module = {
  name: 'billing',
  endpoints: [
    wsmkFaturasPendentes,
    wsmkSegundaViaCobranca,
    wsmkConsultaBarras,
    wsmkLdViaSms,
    wsmkFaturasAbertas,
    wsmkFaturas,
    wsmkRetornarCopieColaPix,
    wsmkAlteraStatusFaturas,
  ],
  routes: boletoRoutes,
};
