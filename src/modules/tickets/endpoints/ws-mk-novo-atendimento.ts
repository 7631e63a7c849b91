import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { openTicket } from '../tickets.service.ts';

const opt = Type.Optional;

export const wsmkNovoAtendimento = defineMkEndpoint({
  id: 'WSMKNovoAtendimento',
  service: ALL_SERVICES,
  summary:
    'Opens a ticket: contract of the customer, active process, non-closing classification, active customer; the connection is the contract\'s only one, else conexao_associada, else none; company from the contract or the customer',
  query: Type.Object({
    cd_cliente: mkParam.id({ description: 'código do cliente (WSMKConsultaDoc)' }),
    cd_contrato: opt(mkParam.id({ description: 'código do contrato (WSMKContratosPorCliente)' })),
    cd_processo: mkParam.id({ description: 'WSMKListaProcessos' }),
    cd_classificacao_ate: mkParam.id({ description: 'WSMKListaClassificacoesAte (não de encerramento)' }),
    origem_contato: opt(mkParam.integer(1, 14, { description: '1 Email … 6 Telefônico … 9 Whatsapp … 14 Monitoramento' })),
    cd_grupo_visualizadores: opt(mkParam.id()),
    info: mkParam.text(4000, { description: 'informação sobre o atendimento' }),
    op_abertura: opt(mkParam.text(60, { description: 'login do operador que abriu o atendimento' })),
    conexao_associada: opt(mkParam.id({ description: 'conexão do contrato, quando ele tem várias' })),
  }),
  response: Type.Object({ Cliente: Type.String(), CodigoAtendimento: Type.Integer(), CodigoCliente: Type.Integer(), Protocolo: Type.String() }),
  async handler({ params: p, deps, caller }) {
    const t = await openTicket(deps, caller, {
      customerId: p.cd_cliente,
      contractId: p.cd_contrato,
      connectionId: p.conexao_associada,
      processId: p.cd_processo,
      classificationId: p.cd_classificacao_ate,
      contactOriginId: p.origem_contato,
      viewerGroupId: p.cd_grupo_visualizadores,
      info: p.info,
      operatorLogin: p.op_abertura,
      names: {
        contract: 'cd_contrato',
        connection: 'conexao_associada',
        process: 'cd_processo',
        classification: 'cd_classificacao_ate',
        company: 'empresa',
        operator: 'op_abertura',
      },
    });
    return { Cliente: t.customerName, CodigoAtendimento: t.id, CodigoCliente: t.customerId, Protocolo: t.protocol };
  },
});
