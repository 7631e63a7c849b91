import type { Db } from '../database.ts';
import { DEMO_CUSTOMERS } from './domain/index.ts';

/**
 * The seed's ongoing outage (a fibre cut on another city's OLT) also affects the documented
 * customer's connection, so `/core-api/notificacoes/*` can be tried with CPF 529.982.247-25.
 */
export async function seedDemoCrm(db: Db): Promise<Record<string, number>> {
  const outage = await db
    .selectFrom('outage_notices')
    .select('id')
    .where('status', '=', 'in_progress')
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!outage) return {};
  const connections = await db
    .selectFrom('connections')
    .select('id')
    .where('customer_id', '=', DEMO_CUSTOMERS.individual.id)
    .where('disabled_at', 'is', null)
    .execute();
  if (connections.length === 0) return {};
  const added = await db
    .insertInto('outage_affected_connections')
    .values(connections.map((c) => ({ outage_notice_id: outage.id, connection_id: c.id })))
    .onConflict((oc) => oc.doNothing())
    .returning('connection_id')
    .execute();
  return { demo_outage_connections: added.length };
}
