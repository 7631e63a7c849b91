import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCoreOrder } from '../service-orders.mappers.ts';
import { coreOrder } from '../service-orders.schemas.ts';
import { type OrderChanges, orderById, updateOrder } from '../service-orders.service.ts';

const opt = Type.Optional;

function requireFor(condition: string, values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) throw new MkError('missingParam', `Parâmetro obrigatório não informado: ${name} (${condition}).`);
  }
}

export const corePutOs = defineCoreEndpoint({
  id: 'core:PUT /os',
  method: 'PUT',
  path: '/os',
  service: ALL_SERVICES,
  summary:
    'Changes an OS; encerrarOs=S closes it (needs operadorEncerramento, servicoPrestado, classificacaoEncerramento, fecharAtendimentoAssociado; S also needs classificEncerramentoAtendmento and closes the linked ticket in the same transaction); a closed OS is refused',
  query: Type.Object({
    id: mkParam.id({ description: 'código da OS' }),
    tipo: mkParam.id({ description: 'código do tipo de OS (WSMKOSListaTiposOS)' }),
    defeitoReclamado: opt(mkParam.text(4000)),
    defeitoConstatado: opt(mkParam.text(4000)),
    operador: opt(mkParam.text(60, { description: 'login do operador' })),
    codigoAtendimentoAssociar: opt(mkParam.id({ description: 'atendimento do mesmo cliente' })),
    encerrarOs: opt(mkParam.oneOf(['S', 'N'] as const)),
    operadorEncerramento: opt(mkParam.text(60)),
    servicoPrestado: opt(mkParam.text(4000)),
    classificacaoEncerramento: opt(mkParam.id()),
    fecharAtendimentoAssociado: opt(mkParam.oneOf(['S', 'N'] as const)),
    classificEncerramentoAtendmento: opt(mkParam.id()),
  }),
  response: coreOrder,
  async handler({ params: p, deps, caller }) {
    const changes: OrderChanges = {
      id: p.id,
      typeId: p.tipo,
      reportedProblem: p.defeitoReclamado,
      foundProblem: p.defeitoConstatado,
      operator: p.operador,
      linkTicketId: p.codigoAtendimentoAssociar,
    };
    if (p.encerrarOs === 'S') {
      requireFor('encerrarOs=S', {
        operadorEncerramento: p.operadorEncerramento,
        servicoPrestado: p.servicoPrestado,
        classificacaoEncerramento: p.classificacaoEncerramento,
        fecharAtendimentoAssociado: p.fecharAtendimentoAssociado,
      });
      if (p.fecharAtendimentoAssociado === 'S') {
        requireFor('fecharAtendimentoAssociado=S', { classificEncerramentoAtendmento: p.classificEncerramentoAtendmento });
      }
      changes.close = {
        operator: p.operadorEncerramento as string,
        servicePerformed: p.servicoPrestado as string,
        classificationId: p.classificacaoEncerramento as number,
        closeTicket: p.fecharAtendimentoAssociado === 'S',
        ticketClassificationId: p.classificEncerramentoAtendmento,
      };
    }
    await updateOrder(deps, caller, changes);
    return toCoreOrder(await orderById(deps.db, p.id));
  },
});
