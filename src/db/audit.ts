import type { Caller } from '../http/context.ts';
import type { Tx } from './transaction.ts';

export interface AuditEntry {
  /** Who changed the data: `operator:<login>`, or `system` for jobs. */
  actor: string;
  action: string;
  entity: string;
  entityId: number | string | null;
  /** What changed; never secrets. */
  details?: Record<string, unknown>;
  /** Defaults to the database's now(); pass the app clock's time where tests control it. */
  at?: Date;
}

/** One audit_log row, written inside the transaction of the change it records. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      ...(entry.at ? { at: entry.at } : {}),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** The audit actor of a webservice call. */
export const callerActor = (caller: Caller | null): string => (caller ? `operator:${caller.operatorLogin}` : 'system');
