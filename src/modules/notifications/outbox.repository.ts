import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { NotificationOutboxTable } from '../../db/types.ts';

export interface OutboxMessage {
  id: number;
  channel: string;
  recipient: string;
  body: string;
  purpose: string;
  subject: string | null;
  attempts: number;
  max_attempts: number;
}

export const insertOutbox = (
  tx: Db | Tx,
  row: Insertable<NotificationOutboxTable>,
) => tx.insertInto('notification_outbox').values(row).returning('id').executeTakeFirstOrThrow();

/**
 * Takes up to `limit` due messages and leases them for `leaseMs`: a sender that dies mid-send
 * leaves them `sending`, and they become due again when the lease runs out.
 */
export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number, channels: string[] = ['sms']): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await sql<OutboxMessage>`
    update notification_outbox set status = 'sending', next_attempt_at = ${leaseUntil}
    where id in (
      select id from notification_outbox
      where status in ('pending', 'sending') and next_attempt_at <= ${now} and channel = any(${channels})
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning id, channel, recipient, subject, body, purpose, attempts, max_attempts`.execute(db);
  return result.rows;
}

export async function markSent(db: Db, id: number, at: Date, providerMessageId: string | null, body?: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({
      status: 'sent',
      sent_at: at,
      attempts: sql`attempts + 1`,
      provider_message_id: providerMessageId,
      last_error: null,
      ...(body !== undefined ? { body } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** `scrubBody` replaces the body when this was the last attempt (a secret never sent). */
export async function markFailed(db: Db, m: OutboxMessage, error: string, nextAttemptAt: Date, scrubBody?: string): Promise<void> {
  const attempts = m.attempts + 1;
  const final = attempts >= m.max_attempts;
  await db
    .updateTable('notification_outbox')
    .set({
      ...(final && scrubBody !== undefined ? { body: scrubBody } : {}),
      status: final ? 'failed' : 'pending',
      attempts,
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
    })
    .where('id', '=', m.id)
    .execute();
}
