import type { Module } from '../module.ts';
import { coreGetNotificacoesAtendimentosAbertos } from './endpoints/core-get-notificacoes-atendimentos-abertos.ts';
import { coreGetNotificacoesConexoesAfetadas } from './endpoints/core-get-notificacoes-conexoes-afetadas.ts';
import { coreGetNotificacoesOsAbertas } from './endpoints/core-get-notificacoes-os-abertas.ts';
import { coreGetNotificacoesStatus } from './endpoints/core-get-notificacoes-status.ts';

/** Outage notices (notificações de parada) on /core-api/notificacoes. */
export const outagesModule: Module = {
  name: 'outages',
  endpoints: [coreGetNotificacoesStatus, coreGetNotificacoesConexoesAfetadas, coreGetNotificacoesOsAbertas, coreGetNotificacoesAtendimentosAbertos],
};
