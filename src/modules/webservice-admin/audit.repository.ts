import type { Tx } from '../../db/transaction.ts';

/** One audit_log row; call it inside the transaction of the change it records. */
export async function writeAudit(
  tx: Tx,
  entry: { actor: string; action: string; entity: string; entityId: number | string | null; details?: Record<string, unknown> },
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
