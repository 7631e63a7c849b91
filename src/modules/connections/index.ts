import type { Module } from '../module.ts';
import { blockingJobRoutes } from './blocking-job.ts';
import { wsmkAutoDesbloqueio } from './endpoints/ws-mk-auto-desbloqueio.ts';
import { wsmkAutoDesbloqueioV2 } from './endpoints/ws-mk-auto-desbloqueio-v2.ts';
import { wsmkConexoesPorCliente } from './endpoints/ws-mk-conexoes-por-cliente.ts';
import { wsmkConexoesPorClienteV2 } from './endpoints/ws-mk-conexoes-por-cliente-v2.ts';

export const connectionsModule: Module = {
  name: 'connections',
  endpoints: [wsmkConexoesPorCliente, wsmkConexoesPorClienteV2, wsmkAutoDesbloqueio, wsmkAutoDesbloqueioV2],
  routes: blockingJobRoutes,
};
