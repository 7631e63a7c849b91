import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { STATUS_WORD } from '../contracts.mappers.ts';
import { isSim, SIM_NAO } from '../contracts.schemas.ts';
import { changeContractStatus } from '../status.service.ts';

const sn = (description: string) => Type.Optional(mkParam.oneOf(SIM_NAO, { description }));
const ids = Type.Array(Type.Integer());

export const wsmkContratoAlterarStatus = defineMkEndpoint({
  id: 'WSMKContratoAlterarStatus',
  service: ALL_SERVICES,
  summary: 'Suspends, cancels (proportional invoice, customer inactivation, removal of unpaid invoices) or reactivates a contract, optionally blocking its connections now or on a date',
  query: Type.Object({
    Operacao: mkParam.oneOf(['SUSPENDER', 'CANCELAR', 'ATIVAR'] as const, { description: 'SUSPENDER, CANCELAR ou ATIVAR' }),
    Contrato: mkParam.id({ description: 'código do contrato' }),
    Observacao: Type.Optional(mkParam.text(2000, { description: 'motivo (obrigatório para SUSPENDER)' })),
    CodigoMotivoSuspensao: Type.Optional(mkParam.id({ description: 'código do motivo de suspensão' })),
    CodigoMotivoCancelamento: Type.Optional(mkParam.id({ description: 'código do motivo de cancelamento' })),
    BloquearConexao: sn('S = bloquear as conexões do contrato'),
    DataBloqueioConexao: Type.Optional(mkParam.date({ description: 'data do bloqueio; vazio = imediato' })),
    GerarProporcional: sn('S = gerar fatura proporcional (cancelamento)'),
    InativarCliente: sn('S = inativar o cadastro do cliente (cancelamento)'),
    DataReativacaoContrato: Type.Optional(mkParam.date({ description: 'data prevista de reativação (suspensão)' })),
    RemoverContas: sn('S = remover as faturas não liquidadas do contrato (cancelamento)'),
  }),
  response: Type.Object({
    CodigoContrato: Type.Integer(),
    ConexoesBloqueadas: ids,
    ConexoesBloqueioAgendado: ids,
    ConexoesDesbloqueadas: ids,
    ClienteInativado: Type.String({ description: 'Sim/Não' }),
    FaturaProporcional: Type.Union([Type.Integer(), Type.Null()]),
    FaturasRemovidas: ids,
    Mensagem: Type.String(),
    Situacao: Type.String(),
  }),
  async handler({ params: p, caller, deps }) {
    const r = await changeContractStatus(deps.db, caller, deps.clock.now(), {
      operation: p.Operacao,
      contractId: p.Contrato,
      note: p.Observacao?.trim(),
      suspensionReasonId: p.CodigoMotivoSuspensao,
      cancellationReasonId: p.CodigoMotivoCancelamento,
      blockConnection: isSim(p.BloquearConexao),
      blockOn: p.DataBloqueioConexao,
      proportional: isSim(p.GerarProporcional),
      inactivateCustomer: isSim(p.InativarCliente),
      reactivateOn: p.DataReativacaoContrato,
      removeUnpaid: isSim(p.RemoverContas),
    });
    const verb = { SUSPENDER: 'suspenso', CANCELAR: 'cancelado', ATIVAR: 'reativado' }[p.Operacao];
    return {
      CodigoContrato: r.id,
      ConexoesBloqueadas: r.blockedConnections,
      ConexoesBloqueioAgendado: r.scheduledConnections,
      ConexoesDesbloqueadas: r.unblockedConnections,
      ClienteInativado: r.customerInactivated ? 'Sim' : 'Não',
      FaturaProporcional: r.proportionalInvoiceId,
      FaturasRemovidas: r.removedInvoices,
      Mensagem: `Contrato ${verb} com sucesso.`,
      Situacao: STATUS_WORD[r.status] ?? r.status,
    };
  },
});
