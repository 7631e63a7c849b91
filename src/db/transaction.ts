import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { DB } from './types.ts';

export type Tx = Transaction<DB>;

/**
 * Work that must commit or roll back together with the request's own writes: set for the
 * duration of a request (a single-use token's spend, modules/auth/single-use.ts) and run at the
 * start of each outermost transaction opened within it.
 */
export interface TransactionHook {
  onBegin(tx: Tx): Promise<void>;
  onCommit(): void;
  onRollback(): void;
}

export const transactionHook = new AsyncLocalStorage<TransactionHook>();

/** Runs `work` in a transaction, or inside the caller's transaction when one is already open. */
export async function withTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  const hook = transactionHook.getStore();
  if (!hook) return db.transaction().execute(work);
  let result: T;
  try {
    result = await db.transaction().execute(async (tx) => {
      await hook.onBegin(tx);
      return work(tx);
    });
  } catch (error) {
    hook.onRollback();
    throw error;
  }
  hook.onCommit();
  return result;
}
