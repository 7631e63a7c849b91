import type { Module } from '../module.ts';
import { blockingJobRoutes } from './blocking-job.ts';
import { wsmkAutoDesbloqueio } from './endpoints/ws-mk-auto-desbloqueio.ts';
import { wsmkAutoDesbloqueioV2 } from './endpoints/ws-mk-auto-desbloqueio-v2.ts';
import { wsmkConexoesPorCliente } from './endpoints/ws-mk-conexoes-por-cliente.ts';
import { wsmkConexoesPorClienteV2 } from './endpoints/ws-mk-conexoes-por-cliente-v2.ts';
import { wsmkConexaoListaIP } from './endpoints/ws-mk-conexao-lista-ip.ts';
import { wsmkConexaoPlanoAcesso } from './endpoints/ws-mk-conexao-plano-acesso.ts';
import { wsmkConexaoPontoAcesso } from './endpoints/ws-mk-conexao-ponto-acesso.ts';
import { wsmkConexaoServidorConcentrador } from './endpoints/ws-mk-conexao-servidor-concentrador.ts';
import { wsmkConsultaConexaoAutenticada } from './endpoints/ws-mk-consulta-conexao-autenticada.ts';
import { wsmkCriarConexao } from './endpoints/ws-mk-criar-conexao.ts';
import { wsmkAlterarConexao } from './endpoints/ws-mk-alterar-conexao.ts';

export const connectionsModule: Module = {
  name: 'connections',
  endpoints: [
    wsmkConexoesPorCliente,
    wsmkConexoesPorClienteV2,
    wsmkAutoDesbloqueio,
    wsmkAutoDesbloqueioV2,
    wsmkConexaoServidorConcentrador,
    wsmkConexaoPlanoAcesso,
    wsmkConexaoPontoAcesso,
    wsmkConexaoListaIP,
    wsmkConsultaConexaoAutenticada,
    wsmkCriarConexao,
    wsmkAlterarConexao,
  ],
  routes: blockingJobRoutes,
};
