import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Insertable } from 'kysely';
import type { ConnectionsTable } from '../../db/types.ts';

type Conn = Db | Tx;

export async function findCustomerForConnection(db: Conn, id: number) {
  return db.selectFrom('customers').select(['id', 'company_id', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function findContractForConnection(db: Conn, id: number) {
  return db
    .selectFrom('contracts as k')
    .leftJoin('leads as l', 'l.id', 'k.lead_id')
    .select(['k.id', 'k.customer_id', 'k.company_id', 'k.status', 'k.lead_id', 'l.crm_product_id as lead_product_id'])
    .where('k.id', '=', id)
    .executeTakeFirst();
}

export async function findPlan(db: Conn, id: number) {
  return db.selectFrom('access_plans').select(['id', 'plan_type_id', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function serverDeliversPlan(db: Conn, serverId: number, planId: number): Promise<boolean> {
  const row = await db
    .selectFrom('server_access_plans')
    .select('server_id')
    .where('server_id', '=', serverId)
    .where('access_plan_id', '=', planId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function productHasPlan(db: Conn, productId: number, planId: number): Promise<boolean> {
  const row = await db
    .selectFrom('crm_product_plans')
    .select('crm_product_id')
    .where('crm_product_id', '=', productId)
    .where('access_plan_id', '=', planId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findPool(db: Conn, id: number) {
  return db.selectFrom('ip_pools').select(['id', 'kind', 'server_id', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function findLead(db: Conn, id: number) {
  return db.selectFrom('leads').select(['id', 'customer_id']).where('id', '=', id).executeTakeFirst();
}

export async function findStreet(db: Conn, id: number) {
  return db
    .selectFrom('street_details')
    .select(['street_id', 'neighbourhood_id', 'city_id', 'state_id'])
    .where('street_id', '=', id)
    .executeTakeFirst();
}

export async function condominiumExists(db: Conn, id: number): Promise<boolean> {
  return (await db.selectFrom('condominiums').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Case-insensitive, as the unique index `connections_username_lower_key`. */
export async function usernameTaken(db: Conn, username: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('connections').select('id').where(sql<string>`lower(username)`, '=', username.toLowerCase());
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function ipTaken(db: Conn, ipId: number): Promise<boolean> {
  return (await db.selectFrom('connections').select('id').where('ip_address_id', '=', ipId).executeTakeFirst()) !== undefined;
}

export async function insertConnection(tx: Tx, row: Insertable<ConnectionsTable>): Promise<number> {
  return (await tx.insertInto('connections').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function lockConnection(tx: Tx, id: number) {
  return tx
    .selectFrom('connections')
    .select(['id', 'username', 'self_unblock_allowed', 'ignore_blocking', 'billing_type', 'blocked', 'disabled_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Ends the open accounting sessions of the connection (a disconnect ordered through the API). */
export async function closeOpenSessions(tx: Tx, connectionId: number, at: Date, cause: string): Promise<number> {
  const rows = await tx
    .updateTable('connection_sessions')
    .set({ stopped_at: at, stop_cause: cause })
    .where('connection_id', '=', connectionId)
    .where('stopped_at', 'is', null)
    .where('started_at', '<=', at)
    .returning('id')
    .execute();
  return rows.length;
}
