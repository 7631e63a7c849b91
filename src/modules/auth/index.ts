import type { Module } from '../module.ts';
import { wsAutenticacao } from './endpoints/ws-autenticacao.ts';
import { wsAutenticacaoOperador } from './endpoints/ws-autenticacao-operador.ts';

export const authModule: Module = {
  name: 'auth',
  endpoints: [wsAutenticacao, wsAutenticacaoOperador],
};
