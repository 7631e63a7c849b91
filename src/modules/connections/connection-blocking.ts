import { writeAudit } from '../../db/audit.ts';
import type { Tx } from '../../db/transaction.ts';
import { enqueueRadiusAction } from '../radius/coa-outbox.ts';

/** MK motivo_bloqueio: 1 non-payment, 3 indefinite, 5 contract not accepted. */
export type BlockReason = 'non_payment' | 'indefinite' | 'contract_not_accepted';

/** Which connections a block/unblock acts on: explicit ids, or every live connection of a contract. */
export type ConnectionSelector = { connectionIds: number[] } | { contractId: number };

export interface StateChange {
  /** Audit actor: `operator:<login>` or `system`. */
  actor: string;
  /** The app clock's time (tests control it). */
  at: Date;
  /** Why, in words (kept in the audit row; for blocks also in `block_note`). */
  note?: string | null;
}

function selected(tx: Tx, sel: ConnectionSelector) {
  const base = tx.updateTable('connections').where('disabled_at', 'is', null);
  return 'contractId' in sel ? base.where('contract_id', '=', sel.contractId) : base.where('id', 'in', sel.connectionIds);
}

/**
 * Blocks the selected connections now (those already blocked keep their original reason), clears
 * any pending scheduled block and self-unblock grace, and writes one audit row per connection.
 * Returns the ids that changed. The network-enforcement worker acts on these audit rows.
 */
export async function blockConnections(tx: Tx, sel: ConnectionSelector, reason: BlockReason, change: StateChange): Promise<number[]> {
  if ('connectionIds' in sel && sel.connectionIds.length === 0) return [];
  const rows = await selected(tx, sel)
    .where('blocked', '=', false)
    .where('ignore_blocking', '=', false)
    .set({
      blocked: true,
      block_reason: reason,
      block_note: change.note ?? null,
      blocked_at: change.at,
      scheduled_block_at: null,
      unblocked_until: null,
    })
    .returning('id')
    .execute();
  for (const { id } of rows) {
    await writeAudit(tx, { actor: change.actor, action: 'connection.block', entity: 'connection', entityId: id, details: { reason, note: change.note ?? null }, at: change.at });
  }
  await enqueueRadiusAction(tx, rows.map((r) => r.id), 'disconnect', change.at);
  return rows.map((r) => r.id);
}

/** Schedules a block of the selected connections at `when` (the blocking job applies it). */
export async function scheduleBlock(tx: Tx, sel: ConnectionSelector, when: Date, change: StateChange): Promise<number[]> {
  if ('connectionIds' in sel && sel.connectionIds.length === 0) return [];
  const rows = await selected(tx, sel).where('blocked', '=', false).set({ scheduled_block_at: when }).returning('id').execute();
  for (const { id } of rows) {
    await writeAudit(tx, { actor: change.actor, action: 'connection.block_scheduled', entity: 'connection', entityId: id, details: { when: when.toISOString(), note: change.note ?? null }, at: change.at });
  }
  return rows.map((r) => r.id);
}

/**
 * Unblocks the selected blocked connections (optionally only those blocked for `onlyReason`),
 * lifting reduced speed too when `liftReduced`. `until` sets a self-unblock grace end (the
 * blocking job re-blocks after it if the customer still owes); null = a plain unblock.
 */
export async function unblockConnections(
  tx: Tx,
  sel: ConnectionSelector,
  change: StateChange & { onlyReason?: BlockReason; until?: Date | null; liftReduced?: boolean; action?: string },
): Promise<number[]> {
  if ('connectionIds' in sel && sel.connectionIds.length === 0) return [];
  let query = selected(tx, sel).where('blocked', '=', true);
  if (change.onlyReason) query = query.where('block_reason', '=', change.onlyReason);
  const rows = await query
    .set({
      blocked: false,
      block_reason: null,
      block_note: null,
      blocked_at: null,
      unblocked_until: change.until ?? null,
      ...(change.liftReduced ? { reduced: false, reduced_at: null } : {}),
    })
    .returning('id')
    .execute();
  for (const { id } of rows) {
    await writeAudit(tx, {
      actor: change.actor,
      action: change.action ?? 'connection.unblock',
      entity: 'connection',
      entityId: id,
      details: { note: change.note ?? null, until: change.until ? change.until.toISOString() : null, liftReduced: Boolean(change.liftReduced) },
      at: change.at,
    });
  }
  await enqueueRadiusAction(tx, rows.map((r) => r.id), 'coa', change.at);
  return rows.map((r) => r.id);
}
