import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export interface AdminOperator {
  id: number;
  login: string;
  name: string;
  is_admin: boolean;
}

export async function findActiveOperatorForLogin(db: Db | Tx, login: string) {
  return db
    .selectFrom('operators')
    .select(['id', 'login', 'name', 'is_admin', 'password_hash'])
    .where('login', '=', login)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function insertAdminSession(
  db: Db | Tx,
  row: { token_hash: string; operator_id: number; csrf_token_hash: string; created_at: Date; expires_at: Date },
): Promise<number> {
  const r = await db.insertInto('admin_sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The live session of a cookie, with its (still active) operator. */
export async function findAdminSession(db: Db | Tx, tokenHash: string, now: Date) {
  return db
    .selectFrom('admin_sessions as s')
    .innerJoin('operators as o', 'o.id', 's.operator_id')
    .select(['s.id', 's.csrf_token_hash', 's.expires_at', 'o.id as operator_id', 'o.login', 'o.name', 'o.is_admin'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('o.active', '=', true)
    .executeTakeFirst();
}

export async function deleteAdminSession(db: Db | Tx, sessionId: number): Promise<void> {
  await db.deleteFrom('admin_sessions').where('id', '=', sessionId).execute();
}

export async function deleteAdminSessionsOfOperator(db: Db | Tx, operatorId: number): Promise<void> {
  await db.deleteFrom('admin_sessions').where('operator_id', '=', operatorId).execute();
}
