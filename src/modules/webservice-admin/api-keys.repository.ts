import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

const COLUMNS = [
  'k.id',
  'k.description',
  'k.key_prefix',
  'k.created_at',
  'k.last_used_at',
  'k.revoked_at',
  'o.login as operator_login',
  'r.login as revoked_by_login',
] as const;

function keysWithOperators(db: Db | Tx) {
  return db
    .selectFrom('admin_api_keys as k')
    .innerJoin('operators as o', 'o.id', 'k.operator_id')
    .leftJoin('operators as r', 'r.id', 'k.revoked_by');
}

export async function listApiKeys(db: Db | Tx) {
  return keysWithOperators(db).select(COLUMNS).orderBy('k.id').execute();
}

export async function findApiKey(db: Db | Tx, id: number) {
  return keysWithOperators(db).select(COLUMNS).where('k.id', '=', id).executeTakeFirst();
}

export async function insertApiKey(
  tx: Tx,
  row: { operator_id: number; description: string; key_hash: string; key_prefix: string; created_at: Date },
): Promise<number> {
  const r = await tx.insertInto('admin_api_keys').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Revokes a live key; false when it was already revoked. */
export async function revokeApiKey(tx: Tx, id: number, by: number, at: Date): Promise<boolean> {
  const r = await tx
    .updateTable('admin_api_keys')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The live key of a bearer credential, with its (still active) operator. */
export async function findLiveApiKey(db: Db | Tx, keyHash: string) {
  return db
    .selectFrom('admin_api_keys as k')
    .innerJoin('operators as o', 'o.id', 'k.operator_id')
    .select(['k.id', 'o.id as operator_id', 'o.login', 'o.name', 'o.is_admin'])
    .where('k.key_hash', '=', keyHash)
    .where('k.revoked_at', 'is', null)
    .where('o.active', '=', true)
    .executeTakeFirst();
}

/** Records use at most once a minute, so a busy script does not write on every call. */
export async function touchApiKey(db: Db, id: number, at: Date): Promise<void> {
  await db
    .updateTable('admin_api_keys')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`${at}::timestamptz - interval '1 minute'`)]))
    .execute();
}
