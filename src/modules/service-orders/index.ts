import type { Module } from '../module.ts';
import { coreGetOsId } from './endpoints/core-get-os-id.ts';
import { coreGetOsPessoa } from './endpoints/core-get-os-pessoa.ts';
import { corePutOs } from './endpoints/core-put-os.ts';
import { wsmkConsultaEquipes } from './endpoints/ws-mk-consulta-equipes.ts';
import { wsmkConsultaOrdemAgendamento } from './endpoints/ws-mk-consulta-ordem-agendamento.ts';
import { wsmkConsultaTecnicos } from './endpoints/ws-mk-consulta-tecnicos.ts';
import { wsmkCriarOrdemServico } from './endpoints/ws-mk-criar-ordem-servico.ts';
import { wsmkOsListaGruposServico } from './endpoints/ws-mk-os-lista-grupos-servico.ts';
import { wsmkOsListaTecnicoResponsavel } from './endpoints/ws-mk-os-lista-tecnico-responsavel.ts';
import { wsmkOsListaTiposOs } from './endpoints/ws-mk-os-lista-tipos-os.ts';

export const serviceOrdersModule: Module = {
  name: 'service-orders',
  endpoints: [
    wsmkOsListaGruposServico,
    wsmkOsListaTecnicoResponsavel,
    wsmkOsListaTiposOs,
    wsmkConsultaTecnicos,
    wsmkConsultaEquipes,
    coreGetOsId,
    coreGetOsPessoa,
    wsmkConsultaOrdemAgendamento,
    wsmkCriarOrdemServico,
    corePutOs,
  ],
};
