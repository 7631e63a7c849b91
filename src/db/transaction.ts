import type { Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { DB } from './types.ts';

export type Tx = Transaction<DB>;

/** Runs `work` in a transaction, or inside the caller's transaction when one is already open. */
export async function withTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  return db.transaction().execute(work);
}
