import { callerActor, writeAudit } from '../../db/audit.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import type { BlockReason } from './connection-blocking.ts';
import { unblockConnections } from './connection-blocking.ts';
import {
  countSelfUnblocksThisMonth,
  findCustomerWithConnections,
  insertSelfUnblock,
  latestSession,
  lockConnectionForUnblock,
} from './connections.repository.ts';

export async function connectionsOfCustomer(
  deps: AppDeps,
  customerId: number,
  filter: { blocked?: boolean; blockReason?: BlockReason } = {},
) {
  const found = await findCustomerWithConnections(deps.db, customerId, filter);
  if (!found) throw new MkError('notFound');
  return found;
}

/** WSMKConsultaConexaoAutenticada: the latest accounting session (open or the last one closed). */
export async function authenticatedSession(deps: AppDeps, connectionId: number) {
  const session = await latestSession(deps.db, connectionId);
  if (!session) throw new MkError('notFound');
  return session;
}

export interface SelfUnblockRequest {
  connectionId: number;
  days?: number;
  /** V2: also lifts the reduced speed, and works on a connection that is only reduced. */
  v2: boolean;
}

/**
 * WSMKAutoDesbloqueio / V2. Refusals, in order: unknown connection, cancelled contract,
 * self-unblock disabled on the connection, nothing to lift, blocked for a reason other than
 * non-payment, the blocking rule's monthly allowance used. The row lock makes two concurrent
 * requests count one after the other.
 */
export async function selfUnblock(deps: AppDeps, caller: Caller | null, req: SelfUnblockRequest) {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const c = await lockConnectionForUnblock(tx, req.connectionId);
    if (!c) throw new MkError('notFound');
    if (c.contract_status === 'cancelled' || c.disabled_at !== null) throw new MkError('selfUnblockContractCancelled');
    if (!c.self_unblock_allowed) throw new MkError('selfUnblockNotAllowed');
    const liftsReduced = req.v2 && c.reduced;
    if (!c.blocked && !liftsReduced) throw new MkError('selfUnblockNotBlocked');
    if (c.blocked && c.block_reason !== 'non_payment') throw new MkError('selfUnblockOtherReason');
    const used = await countSelfUnblocksThisMonth(tx, c.id, now);
    if (used >= c.self_unblocks_per_month) throw new MkError('selfUnblockUsed');

    const days = req.days ?? c.self_unblock_days;
    const until = new Date(now.getTime() + days * 86_400_000);
    const actor = callerActor(caller);
    const note = req.v2 ? 'Auto-desbloqueio (V2)' : 'Auto-desbloqueio';
    if (c.blocked) {
      await unblockConnections(tx, { connectionIds: [c.id] }, {
        actor,
        at: now,
        note,
        until,
        liftReduced: req.v2,
        onlyReason: 'non_payment',
        action: 'connection.self_unblock',
      });
    } else {
      await tx.updateTable('connections').set({ reduced: false, reduced_at: null, unblocked_until: until }).where('id', '=', c.id).execute();
      await writeAudit(tx, {
        actor,
        action: 'connection.self_unblock',
        entity: 'connection',
        entityId: c.id,
        details: { note, until: until.toISOString(), liftReduced: true },
        at: now,
      });
    }
    await insertSelfUnblock(tx, {
      connectionId: c.id,
      at: now,
      days,
      until,
      channel: req.v2 ? 'api_v2' : 'api',
      wasBlocked: c.blocked,
      wasReduced: c.reduced && req.v2,
      previousReason: c.block_reason,
    });
    return { connectionId: c.id, until };
  });
}
