import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Clock } from '../../http/context.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { blockConnections } from './connection-blocking.ts';

/** Same key on every instance: whoever holds it is the only one applying blocks. */
export const BLOCKING_LOCK_KEY = 7_340_002;

export interface BlockingRunResult {
  /** Scheduled blocks applied. */
  scheduled: number[];
  /** Connections re-blocked at the end of a self-unblock grace because the customer still owes. */
  reblocked: number[];
  /** Grace periods that ended with nothing overdue (the grace mark is cleared). */
  cleared: number[];
}

/**
 * One pass of the blocking job, in one transaction:
 * 1. connections whose `scheduled_block_at` has come are blocked (reason "indefinite": the
 *    scheduled blocks come from contract status changes);
 * 2. connections whose self-unblock grace (`unblocked_until`) has ended are blocked again for
 *    non-payment when the contract still has an overdue open invoice; otherwise the mark is cleared.
 */
export async function runBlockingPass(db: Db, now: Date): Promise<BlockingRunResult> {
  const today = todayInSaoPaulo(now);
  return withTransaction(db, async (tx) => {
    const due = await tx
      .selectFrom('connections')
      .select('id')
      .where('scheduled_block_at', '<=', now)
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    const dueIds = due.map((r) => r.id);
    const scheduled = await blockConnections(tx, { connectionIds: dueIds }, 'indefinite', {
      actor: 'system',
      at: now,
      note: 'Bloqueio agendado aplicado.',
    });
    // Already blocked or ignoring blocks: the schedule is spent either way.
    if (dueIds.length > 0) await tx.updateTable('connections').set({ scheduled_block_at: null }).where('id', 'in', dueIds).execute();

    const ended = await tx
      .selectFrom('connections as cn')
      .select([
        'cn.id',
        sql<boolean>`exists (select 1 from invoices i where i.customer_id = cn.customer_id and i.status = 'open'
          and i.due_date < ${today}::date and (i.contract_id is null or i.contract_id = cn.contract_id))`.as('owes'),
      ])
      .where('cn.unblocked_until', '<=', now)
      .where('cn.blocked', '=', false)
      .where('cn.disabled_at', 'is', null)
      .orderBy('cn.id')
      .forUpdate()
      .execute();
    const owing = ended.filter((r) => r.owes).map((r) => r.id);
    const reblocked = await blockConnections(tx, { connectionIds: owing }, 'non_payment', {
      actor: 'system',
      at: now,
      note: 'Prazo do auto-desbloqueio encerrado sem pagamento.',
    });
    if (reblocked.length > 0) {
      await tx
        .updateTable('connection_self_unblocks')
        .set({ reblocked_at: now })
        .where('connection_id', 'in', reblocked)
        .where('reblocked_at', 'is', null)
        .where('unblocked_until', '<=', now)
        .execute();
    }
    const cleared = ended.map((r) => r.id).filter((id) => !reblocked.includes(id));
    if (cleared.length > 0) await tx.updateTable('connections').set({ unblocked_until: null }).where('id', 'in', cleared).execute();
    return { scheduled, reblocked, cleared };
  });
}

/** Runs the pass periodically; with several instances an advisory lock lets one run at a time. */
export class BlockingJob {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<BlockingRunResult | null> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  start(): void {
    if (this.#timer || this.intervalMs <= 0) return;
    this.#timer = setInterval(() => void this.runOnce().catch(this.onError), this.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => {});
  }

  /** One pass; null when another instance holds the lock. */
  runOnce(): Promise<BlockingRunResult | null> {
    this.#running ??= this.#withLock().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #withLock(): Promise<BlockingRunResult | null> {
    return this.db.connection().execute(async (conn) => {
      const lock = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${BLOCKING_LOCK_KEY}) as ok`.execute(conn);
      if (!lock.rows[0]?.ok) return null;
      try {
        return await runBlockingPass(conn, this.clock.now());
      } finally {
        await sql`select pg_advisory_unlock(${BLOCKING_LOCK_KEY})`.execute(conn);
      }
    });
  }
}

/** Starts the job with the app (BLOCKING_JOB_INTERVAL_SECONDS; 0 = off) and stops it on close. */
export async function blockingJobRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const seconds = deps.config.blockingJobIntervalSeconds;
  if (!seconds) return;
  const job = new BlockingJob(deps.db, deps.clock, seconds * 1000, (err) => deps.log.warn({ err }, 'blocking job failed'));
  job.start();
  app.addHook('onClose', async () => job.stop());
}
