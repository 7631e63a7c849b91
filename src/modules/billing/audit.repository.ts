import type { Tx } from '../../db/transaction.ts';
import type { Caller } from '../../http/context.ts';

/** One audit_log row per data change, written inside the change's transaction. */
export async function writeAudit(
  tx: Tx,
  caller: Caller | null,
  entry: { action: string; entity: string; entityId: string | number; details?: Record<string, unknown>; at: Date },
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: caller ? `operator:${caller.operatorLogin}` : 'system',
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
