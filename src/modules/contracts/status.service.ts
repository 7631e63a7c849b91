import { callerActor, writeAudit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import type { Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { compareIsoDates, todayInSaoPaulo } from '../../lib/dates.ts';
import { invalid, unknownCode } from '../addresses/address-input.ts';
import { blockConnections, scheduleBlock, unblockConnections } from '../connections/connection-blocking.ts';
import { findStatusReason, insertStatusChange, type LockedContract, lockContract } from './contracts.repository.ts';
import { proportionalInvoice, startOfDayInSaoPaulo } from './proportional.ts';

/** The two billing methods WSMKAtivarContrato documents ("uma fatura para cada conta", "agrupamento"). */
const ACTIVATABLE_BILLING = ['invoice_per_charge', 'group_charges'];

async function locked(tx: Tx, id: number): Promise<LockedContract> {
  const k = await lockContract(tx, id);
  if (!k) throw new MkError('notFound');
  return k;
}

const appendNote = (notes: string | null, note: string | undefined) => (note ? (notes ? `${notes}\n${note}` : note) : notes);

/** WSMKAtivarContrato: only contracts awaiting activation, only with a documented billing method. */
export async function activateContract(db: Db, caller: Caller | null, now: Date, contractId: number, note?: string) {
  return withTransaction(db, async (tx) => {
    const k = await locked(tx, contractId);
    if (k.status !== 'awaiting_activation') throw new MkError('conflict', 'Contrato não está aguardando ativação.');
    if (!ACTIVATABLE_BILLING.includes(k.billing_method)) {
      throw new MkError('conflict', "Método de faturamento do contrato não permite ativação por API (use 'Gerar uma fatura para cada conta' ou 'Permitir agrupamento de contas e faturas').");
    }
    await tx.updateTable('contracts').set({ status: 'active', activated_at: now, notes: appendNote(k.notes, note) }).where('id', '=', k.id).execute();
    await insertStatusChange(tx, { contractId: k.id, from: k.status, to: 'active', reasonId: null, note: note ?? null, operatorId: caller?.operatorId ?? null, at: now });
    await writeAudit(tx, { actor: callerActor(caller), action: 'contract.activate', entity: 'contract', entityId: k.id, details: { from: k.status, note: note ?? null }, at: now });
    return { id: k.id, status: 'active' };
  });
}

export interface StatusChangeInput {
  operation: 'SUSPENDER' | 'CANCELAR' | 'ATIVAR';
  contractId: number;
  note?: string;
  suspensionReasonId?: number;
  cancellationReasonId?: number;
  blockConnection: boolean;
  blockOn?: string;
  proportional: boolean;
  inactivateCustomer: boolean;
  reactivateOn?: string;
  removeUnpaid: boolean;
}

export interface StatusChangeResult {
  id: number;
  status: string;
  blockedConnections: number[];
  scheduledConnections: number[];
  unblockedConnections: number[];
  proportionalInvoiceId: number | null;
  removedInvoices: number[];
  customerInactivated: boolean;
}

function checkOptions(i: StatusChangeInput, today: string): void {
  const onlyFor = (flag: boolean, name: string, op: StatusChangeInput['operation'], word: string) => {
    if (flag && i.operation !== op) throw invalid(name, `aplica-se só a Operacao=${word}`);
  };
  onlyFor(i.proportional, 'GerarProporcional', 'CANCELAR', 'CANCELAR');
  onlyFor(i.inactivateCustomer, 'InativarCliente', 'CANCELAR', 'CANCELAR');
  onlyFor(i.removeUnpaid, 'RemoverContas', 'CANCELAR', 'CANCELAR');
  onlyFor(i.reactivateOn !== undefined, 'DataReativacaoContrato', 'SUSPENDER', 'SUSPENDER');
  onlyFor(i.suspensionReasonId !== undefined, 'CodigoMotivoSuspensao', 'SUSPENDER', 'SUSPENDER');
  onlyFor(i.cancellationReasonId !== undefined, 'CodigoMotivoCancelamento', 'CANCELAR', 'CANCELAR');
  if (i.operation === 'ATIVAR' && (i.blockConnection || i.blockOn !== undefined)) throw invalid('BloquearConexao', 'não se aplica a Operacao=ATIVAR');
  if (i.blockOn !== undefined && !i.blockConnection) throw invalid('DataBloqueioConexao', 'informe BloquearConexao=S');
  if (i.operation === 'SUSPENDER' && !i.note) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: Observacao (Operacao=SUSPENDER).');
  if (i.reactivateOn !== undefined && compareIsoDates(i.reactivateOn, today) <= 0) throw invalid('DataReativacaoContrato', 'deve ser uma data futura');
  if (i.blockOn !== undefined && compareIsoDates(i.blockOn, today) < 0) throw invalid('DataBloqueioConexao', 'data no passado');
}

/**
 * WSMKContratoAlterarStatus: suspend (active → suspended), cancel (any live status →
 * cancelled, with its options), reactivate (suspended → active). Everything — the contract,
 * connections, invoices, customer, history and audit rows — commits together or not at all.
 */
export async function changeContractStatus(db: Db, caller: Caller | null, now: Date, i: StatusChangeInput): Promise<StatusChangeResult> {
  const today = todayInSaoPaulo(now);
  checkOptions(i, today);
  return withTransaction(db, async (tx) => {
    const k = await locked(tx, i.contractId);
    const actor = callerActor(caller);
    const change = { actor, at: now, note: i.note ?? null };
    const result: StatusChangeResult = {
      id: k.id,
      status: k.status,
      blockedConnections: [],
      scheduledConnections: [],
      unblockedConnections: [],
      proportionalInvoiceId: null,
      removedInvoices: [],
      customerInactivated: false,
    };
    let reasonId: number | null = null;
    let to: string;
    if (i.operation === 'SUSPENDER') {
      if (k.status !== 'active') throw new MkError('conflict', 'Só contratos ativos podem ser suspensos.');
      if (i.suspensionReasonId !== undefined) reasonId = (await findStatusReason(tx, i.suspensionReasonId, 'suspension'))?.id ?? null;
      if (i.suspensionReasonId !== undefined && reasonId === null) throw unknownCode('CodigoMotivoSuspensao');
      to = 'suspended';
      await tx
        .updateTable('contracts')
        .set({ status: to, suspended_at: now, suspension_reason_id: reasonId, suspension_note: i.note ?? null, reactivate_on: i.reactivateOn ?? null })
        .where('id', '=', k.id)
        .execute();
    } else if (i.operation === 'CANCELAR') {
      if (k.status === 'cancelled') throw new MkError('conflict', 'Contrato já cancelado.');
      if (i.cancellationReasonId !== undefined) reasonId = (await findStatusReason(tx, i.cancellationReasonId, 'cancellation'))?.id ?? null;
      if (i.cancellationReasonId !== undefined && reasonId === null) throw unknownCode('CodigoMotivoCancelamento');
      to = 'cancelled';
      await tx
        .updateTable('contracts')
        .set({ status: to, cancelled_at: now, cancellation_reason_id: reasonId, cancellation_note: i.note ?? null })
        .where('id', '=', k.id)
        .execute();
    } else {
      if (k.status === 'awaiting_activation') throw new MkError('conflict', 'Contrato aguardando ativação: use WSMKAtivarContrato.');
      if (k.status !== 'suspended') throw new MkError('conflict', 'Só contratos suspensos podem ser reativados.');
      to = 'active';
      await tx
        .updateTable('contracts')
        .set({ status: to, suspended_at: null, suspension_reason_id: null, suspension_note: null, reactivate_on: null, notes: appendNote(k.notes, i.note) })
        .where('id', '=', k.id)
        .execute();
      // The suspension's block ("indefinite") ends with it; non-payment blocks stay.
      result.unblockedConnections = await unblockConnections(tx, { contractId: k.id }, { ...change, onlyReason: 'indefinite', action: 'connection.unblock' });
    }
    result.status = to;

    if (i.blockConnection) {
      if (i.blockOn === undefined || i.blockOn === today) result.blockedConnections = await blockConnections(tx, { contractId: k.id }, 'indefinite', change);
      else result.scheduledConnections = await scheduleBlock(tx, { contractId: k.id }, startOfDayInSaoPaulo(i.blockOn), change);
    }
    if (i.operation === 'CANCELAR') await cancelOptions(tx, k, i, today, now, actor, result);

    await insertStatusChange(tx, { contractId: k.id, from: k.status, to, reasonId, note: i.note ?? null, operatorId: caller?.operatorId ?? null, at: now });
    await writeAudit(tx, {
      actor,
      action: `contract.${{ SUSPENDER: 'suspend', CANCELAR: 'cancel', ATIVAR: 'reactivate' }[i.operation]}`,
      entity: 'contract',
      entityId: k.id,
      details: { from: k.status, to, reasonId, note: i.note ?? null, ...result },
      at: now,
    });
    return result;
  });
}

async function cancelOptions(tx: Tx, k: LockedContract, i: StatusChangeInput, today: string, now: Date, actor: string, result: StatusChangeResult) {
  if (i.inactivateCustomer) {
    const others = await tx
      .selectFrom('contracts')
      .select('id')
      .where('customer_id', '=', k.customer_id)
      .where('id', '<>', k.id)
      .where('status', '<>', 'cancelled')
      .limit(1)
      .executeTakeFirst();
    if (others) throw new MkError('conflict', `InativarCliente: o cliente tem outro contrato não cancelado (${others.id}).`);
    const changed = await tx
      .updateTable('customers')
      .set({ status: 'inactive', inactivated_at: now })
      .where('id', '=', k.customer_id)
      .where('status', '=', 'active')
      .returning('id')
      .execute();
    result.customerInactivated = changed.length > 0;
    if (result.customerInactivated) {
      await writeAudit(tx, { actor, action: 'customer.inactivate', entity: 'customer', entityId: k.customer_id, details: { contractId: k.id }, at: now });
    }
  }
  if (i.removeUnpaid) {
    // Only this contract's unsettled invoices; paid, suspended and other contracts' stay.
    const removed = await tx
      .updateTable('invoices')
      .set({ status: 'deleted', deleted_at: now })
      .where('contract_id', '=', k.id)
      .where('status', '=', 'open')
      .returning('id')
      .execute();
    result.removedInvoices = removed.map((r) => r.id).sort((a, b) => a - b);
    for (const id of result.removedInvoices) {
      await writeAudit(tx, { actor, action: 'invoice.delete', entity: 'invoice', entityId: id, details: { contractId: k.id, reason: 'contract cancelled' }, at: now });
    }
  }
  if (i.proportional) result.proportionalInvoiceId = await proportionalInvoice(tx, k, today, actor, now);
  // Connections given a future block date by this request keep working until the job blocks them.
  let live = tx.updateTable('connections').set({ disabled_at: now, scheduled_block_at: null }).where('contract_id', '=', k.id).where('disabled_at', 'is', null);
  if (result.scheduledConnections.length > 0) live = live.where('id', 'not in', result.scheduledConnections);
  const disabled = await live.returning('id').execute();
  for (const { id } of disabled) {
    await writeAudit(tx, { actor, action: 'connection.disable', entity: 'connection', entityId: id, details: { contractId: k.id, reason: 'contract cancelled' }, at: now });
  }
}
