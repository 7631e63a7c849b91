import type { Module } from '../module.ts';
import { corePostAtendimentos } from './endpoints/core-post-atendimentos.ts';
import { wsmkAtendentes } from './endpoints/ws-mk-atendentes.ts';
import { wsmkAtendimentoComentario } from './endpoints/ws-mk-atendimento-comentario.ts';
import { wsmkAtendimentos } from './endpoints/ws-mk-atendimentos.ts';
import { wsmkListaClassificacoesAte } from './endpoints/ws-mk-lista-classificacoes-ate.ts';
import { wsmkListaProcessos } from './endpoints/ws-mk-lista-processos.ts';
import { wsmkNovoAtendimento } from './endpoints/ws-mk-novo-atendimento.ts';

export const ticketsModule: Module = {
  name: 'tickets',
  endpoints: [
    wsmkListaClassificacoesAte,
    wsmkListaProcessos,
    wsmkAtendimentos,
    wsmkAtendentes,
    wsmkNovoAtendimento,
    corePostAtendimentos,
    wsmkAtendimentoComentario,
  ],
};
