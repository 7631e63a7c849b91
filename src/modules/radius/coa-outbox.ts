import { sql } from 'kysely';
import type { Tx } from '../../db/transaction.ts';

/**
 * Queues a Disconnect-Request (block) or CoA-Request (unblock, speed change) for each of the
 * connections that has an open RADIUS session, in the caller's transaction: the change and its
 * network action commit together. Connections without a session need nothing — their next
 * Access-Request reads the new state from the views.
 */
export async function enqueueRadiusAction(tx: Tx, connectionIds: number[], kind: 'disconnect' | 'coa', at: Date): Promise<void> {
  if (connectionIds.length === 0) return;
  await sql`
    insert into radius_outbox (connection_id, kind, created_at, next_attempt_at)
    select c.id, ${kind}, ${at}, ${at} from connections c
    where c.id in (${sql.join(connectionIds)})
      and exists (select 1 from radacct r where lower(r.username) = lower(c.username) and r.acctstoptime is null)`.execute(tx);
}
