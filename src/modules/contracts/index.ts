import type { Module } from '../module.ts';
import { wsmkAceiteContratualPendente } from './endpoints/ws-mk-aceite-contratual-pendente.ts';
import { wsmkAceiteSelfieAssinatura } from './endpoints/ws-mk-aceite-selfie-assinatura.ts';
import { wsmkAtivarContrato } from './endpoints/ws-mk-ativar-contrato.ts';
import { wsmkConsultaContratoDoc } from './endpoints/ws-mk-consulta-contrato-doc.ts';
import { wsmkContratoAlterarStatus } from './endpoints/ws-mk-contrato-alterar-status.ts';
import { wsmkContratosPorCliente } from './endpoints/ws-mk-contratos-por-cliente.ts';
import { wsmkContratosPorClienteV2 } from './endpoints/ws-mk-contratos-por-cliente-v2.ts';
import { wsmkNovoContrato } from './endpoints/ws-mk-novo-contrato.ts';

export const contractsModule: Module = {
  name: 'contracts',
  endpoints: [
    wsmkContratosPorCliente,
    wsmkContratosPorClienteV2,
    wsmkConsultaContratoDoc,
    wsmkNovoContrato,
    wsmkAtivarContrato,
    wsmkContratoAlterarStatus,
    wsmkAceiteContratualPendente,
    wsmkAceiteSelfieAssinatura,
  ],
};
