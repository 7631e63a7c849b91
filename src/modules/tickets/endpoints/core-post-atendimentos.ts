import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { openTicket } from '../tickets.service.ts';

const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const corePostAtendimentos = defineCoreEndpoint({
  id: 'core:POST /atendimentos',
  method: 'POST',
  path: '/atendimentos',
  service: ALL_SERVICES,
  summary: 'Opens a ticket with the rules of WSMKNovoAtendimento; empresaId must be the contract\'s company',
  query: Type.Object({
    pessoaId: mkParam.id({ description: 'código do cliente' }),
    conexaoId: Type.Optional(mkParam.id({ description: 'conexão do contrato' })),
    contratoId: mkParam.id({ description: 'código do contrato' }),
    empresaId: mkParam.id({ description: 'código da multiempresa' }),
    processoId: mkParam.id(),
    classificacaoId: mkParam.id({ description: 'classificação de abertura' }),
    infoCliente: mkParam.text(4000),
  }),
  response: Type.Object({
    id: Type.Integer(),
    protocolo: Type.String(),
    pessoaId: Type.Integer(),
    contratoId: nullableInt,
    conexaoId: nullableInt,
    empresaId: Type.Integer(),
  }),
  async handler({ params: p, deps, caller }) {
    const t = await openTicket(deps, caller, {
      customerId: p.pessoaId,
      contractId: p.contratoId,
      connectionId: p.conexaoId,
      companyId: p.empresaId,
      processId: p.processoId,
      classificationId: p.classificacaoId,
      info: p.infoCliente,
      names: {
        contract: 'contratoId',
        connection: 'conexaoId',
        process: 'processoId',
        classification: 'classificacaoId',
        company: 'empresaId',
        operator: 'operador',
      },
    });
    return { id: t.id, protocolo: t.protocol, pessoaId: t.customerId, contratoId: t.contractId, conexaoId: t.connectionId, empresaId: t.companyId };
  },
});
