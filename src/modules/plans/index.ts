import type { Module } from '../module.ts';
import { coreGetPlanosAcessosDescricao } from './endpoints/core-get-planos-acessos-descricao.ts';
import { coreGetPlanosAcessosId } from './endpoints/core-get-planos-acessos-id.ts';
import { coreGetPlanosAcessosListEmpresa } from './endpoints/core-get-planos-acessos-list-empresa.ts';
import { corePostPlanosAcessos } from './endpoints/core-post-planos-acessos.ts';
import { wsmkConsultaContasBancarias } from './endpoints/ws-mk-consulta-contas-bancarias.ts';
import { wsmkConsultaPlanos } from './endpoints/ws-mk-consulta-planos.ts';
import { wsmkListaDesconto } from './endpoints/ws-mk-lista-desconto.ts';
import { wsmkListaPlanoAcesso } from './endpoints/ws-mk-lista-plano-acesso.ts';
import { wsmkListaProfilePagamento } from './endpoints/ws-mk-lista-profile-pagamento.ts';
import { wsmkListaRegraBloqueio } from './endpoints/ws-mk-lista-regra-bloqueio.ts';
import { wsmkListaRegraVencimento } from './endpoints/ws-mk-lista-regra-vencimento.ts';
import { wsmkListaTabelaSla } from './endpoints/ws-mk-lista-tabela-sla.ts';
import { wsmkPlanoContas } from './endpoints/ws-mk-plano-contas.ts';
import { wsmkPlanosAcesso } from './endpoints/ws-mk-planos-acesso.ts';

export const plansModule: Module = {
  name: 'plans',
  endpoints: [
    wsmkListaPlanoAcesso,
    coreGetPlanosAcessosId,
    coreGetPlanosAcessosDescricao,
    coreGetPlanosAcessosListEmpresa,
    wsmkConsultaPlanos,
    corePostPlanosAcessos,
    wsmkListaRegraVencimento,
    wsmkListaTabelaSla,
    wsmkListaRegraBloqueio,
    wsmkListaProfilePagamento,
    wsmkListaDesconto,
    wsmkPlanoContas,
    wsmkConsultaContasBancarias,
    wsmkPlanosAcesso,
  ],
};
