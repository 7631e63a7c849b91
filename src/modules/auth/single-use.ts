import type { Clock, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import type { Db } from '../../db/database.ts';
import { type Tx, transactionHook } from '../../db/transaction.ts';
import { consumeSession } from './session.repository.ts';

/** Callers whose session is single-use and not yet spent (set by authorizeCall). */
const unspent = new WeakMap<Caller, number>();

export function markSingleUse(caller: Caller, sessionId: number): void {
  unspent.set(caller, sessionId);
}

/**
 * Runs a data call so that a single-use token is spent only if the call succeeds: in the first
 * transaction the call opens (spent and written together, or neither), else by one conditional
 * UPDATE after the handler returned. Of concurrent calls with the token exactly one gets past
 * the spend; the others answer 001 "already used" and their transactions roll back.
 */
export async function spendOnSuccess<T>(deps: { db: Db; clock: Clock }, caller: Caller | null, work: () => Promise<T>): Promise<T> {
  const sessionId = caller ? unspent.get(caller) : undefined;
  if (sessionId === undefined) return work();
  const at = deps.clock.now();
  const state = { spent: false, pending: false, open: true };
  const spend = async (db: Db | Tx) => {
    if (!(await consumeSession(db, sessionId, at))) throw new MkError('tokenUsed');
  };
  const hook = {
    async onBegin(tx: Tx) {
      if (!state.open || state.spent || state.pending) return;
      await spend(tx);
      state.pending = true;
    },
    onCommit() {
      if (state.pending) state.spent = true;
    },
    onRollback() {
      state.pending = false;
    },
  };
  try {
    const result = await transactionHook.run(hook, work);
    if (!state.spent) await spend(deps.db);
    state.spent = true;
    return result;
  } finally {
    // Timers the handler started keep this async context; they must not spend the token later.
    state.open = false;
  }
}
