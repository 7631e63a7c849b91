import { type Tx, withTransaction } from '../../db/transaction.ts';
import type { AppDeps } from '../../http/context.ts';
import { BuiltInVault } from './card-gateway.ts';
import { deleteDeadVaultBatch, deleteIdempotentBatch, tryRetentionLock } from './retention.repository.ts';

// Shared by every instance: whoever holds it purges; "PRVDRPAY" truncated.
const RETENTION_LOCK_KEY = 0x50415952;
const HOUR = 3_600_000;

/** Clients retry a settlement within minutes; a week covers a client that was offline for days. */
export const IDEMPOTENCY_KEEP_HOURS = 7 * 24;
/** A deactivated card can be reactivated for this long; then its number is deleted from the vault. */
export const DEACTIVATED_CARD_KEEP_HOURS = 30 * 24;

export interface PaymentsPurgeResult {
  ran: boolean;
  idempotentResponses: number;
  vaultEntries: number;
  /** Vault entries re-encrypted under the current SECRET_KEY (after a rotation). */
  rewrapped: number;
}

/**
 * Deletes expired idempotency answers and the vault entries of cards deactivated long ago, then
 * re-encrypts vault entries of a retired secret under the current one. All in
 * batches, each batch in a transaction holding a transaction-scoped advisory lock (another
 * instance holding it → this run stops and leaves the work to that one).
 */
export async function purgePaymentsData(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  options: { batchSize?: number } = {},
): Promise<PaymentsPurgeResult> {
  const batchSize = options.batchSize ?? 2000;
  const now = deps.clock.now().getTime();
  const idemCutoff = new Date(now - IDEMPOTENCY_KEEP_HOURS * HOUR);
  const cardCutoff = new Date(now - DEACTIVATED_CARD_KEEP_HOURS * HOUR);
  const inBatches = async (purge: (tx: Tx) => Promise<number>): Promise<number | null> => {
    let total = 0;
    for (;;) {
      const n = await withTransaction(deps.db, async (tx) => ((await tryRetentionLock(tx, RETENTION_LOCK_KEY)) ? purge(tx) : null));
      if (n === null) return total > 0 ? total : null;
      total += n;
      if (n < batchSize) return total;
    }
  };
  const idempotentResponses = await inBatches((tx) => deleteIdempotentBatch(tx, idemCutoff, batchSize));
  if (idempotentResponses === null) return { ran: false, idempotentResponses: 0, vaultEntries: 0, rewrapped: 0 };
  const vaultEntries = (await inBatches((tx) => deleteDeadVaultBatch(tx, cardCutoff, batchSize))) ?? 0;
  const vault = new BuiltInVault(deps.config);
  const rewrapped = (await inBatches((tx) => vault.rewrap(tx, Math.min(batchSize, 500)))) ?? 0;
  return { ran: true, idempotentResponses, vaultEntries, rewrapped };
}

/** Runs the purge every `intervalMs` (first run after one interval); returns the stopper. */
export function startPaymentsRetention(deps: AppDeps, intervalMs = HOUR): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => purgePaymentsData(deps))
      .then((r) => {
        if (r.idempotentResponses + r.vaultEntries + r.rewrapped > 0) deps.log.info(r, 'payments retention purge');
      })
      .catch((err) => deps.log.warn({ err }, 'payments retention purge failed'));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
