import type { AppDeps } from '../../http/context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { CREDENTIAL_THROTTLE } from '../../http/failure-throttle.ts';
import { deleteStaleCredentialFailures } from '../auth/credential-failures.repository.ts';
import { purgeSacLoginFailures } from '../customers/sac-throttle.ts';
import { deleteActivityBatch, deleteExpiredSessions, tryPurgeLock } from './activity.repository.ts';

// Any constant shared by every instance of the app; "PRVDRACT" in ASCII, truncated to int4-ish.
const PURGE_LOCK_KEY = 0x50524456;
const DAY = 86_400_000;

export interface PurgeResult {
  /** false when another instance held the lock, so this one did nothing. */
  ran: boolean;
  deleted: number;
}

/**
 * Deletes activity older than `activityRetentionDays`, `batchSize` rows per transaction so no
 * long lock is held on the table, then (with the last batch) expired sessions and the login and
 * credential failure counts that no longer refuse anything. Each batch takes a
 * transaction-scoped advisory lock; when another server instance holds it, this run stops and
 * leaves the work to that one.
 */
export async function purgeOldActivity(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  options: { batchSize?: number } = {},
): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? 5000;
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.config.activityRetentionDays * DAY);
  let deleted = 0;
  for (;;) {
    const step = await withTransaction(deps.db, async (tx) => {
      if (!(await tryPurgeLock(tx, PURGE_LOCK_KEY))) return null;
      const n = await deleteActivityBatch(tx, cutoff, batchSize);
      if (n < batchSize) {
        await deleteExpiredSessions(tx, new Date(now.getTime() - DAY));
        await deleteStaleCredentialFailures(tx, now, CREDENTIAL_THROTTLE);
        await purgeSacLoginFailures(tx, now);
      }
      return n;
    });
    if (step === null) return { ran: deleted > 0, deleted };
    deleted += step;
    if (step < batchSize) return { ran: true, deleted };
  }
}

/** Runs the purge every `intervalMs` (first run after one interval); returns the stopper. */
export function startActivityRetention(deps: AppDeps, intervalMs = 3_600_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => purgeOldActivity(deps))
      .then((r) => r.deleted > 0 && deps.log.info({ deleted: r.deleted }, 'activity retention purge'))
      .catch((err) => deps.log.warn({ err }, 'activity retention purge failed'));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
