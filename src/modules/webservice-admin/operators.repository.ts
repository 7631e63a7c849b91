import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

const COLUMNS = ['id', 'login', 'name', 'is_admin', 'active', 'created_at', 'deactivated_at', 'api_token_hash'] as const;

export async function listOperators(db: Db | Tx) {
  return db.selectFrom('operators').select(COLUMNS).orderBy('login').execute();
}

export async function findOperator(db: Db | Tx, id: number) {
  return db.selectFrom('operators').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function loginTaken(db: Db | Tx, login: string): Promise<boolean> {
  return (await db.selectFrom('operators').select('id').where('login', '=', login).executeTakeFirst()) !== undefined;
}

export async function insertOperator(
  tx: Tx,
  row: { login: string; name: string; password_hash: string; api_token_hash: string; is_admin: boolean; created_at: Date },
): Promise<number> {
  const r = await tx.insertInto('operators').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function setOperatorActive(tx: Tx, id: number, active: boolean, at: Date): Promise<void> {
  await tx
    .updateTable('operators')
    .set({ active, deactivated_at: active ? null : at })
    .where('id', '=', id)
    .execute();
}

export async function setApiTokenHash(tx: Tx, id: number, hash: string): Promise<void> {
  await tx.updateTable('operators').set({ api_token_hash: hash }).where('id', '=', id).execute();
}

export async function setPasswordHash(tx: Tx, id: number, hash: string): Promise<void> {
  await tx.updateTable('operators').set({ password_hash: hash }).where('id', '=', id).execute();
}

/** Ends the webservice sessions an operator holds (after deactivation or a token rotation). */
export async function revokeOperatorSessions(tx: Tx, operatorId: number): Promise<number> {
  const r = await tx.deleteFrom('ws_sessions').where('operator_id', '=', operatorId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
