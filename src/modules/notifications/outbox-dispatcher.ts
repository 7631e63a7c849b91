import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../http/context.ts';
import { isSealed } from '../../lib/keys.ts';
import { claimDue, markFailed, markSent, type OutboxMessage } from './outbox.repository.ts';
import type { EmailProvider } from './email-provider.ts';
import type { SmsProvider } from './sms-provider.ts';

/** Same key on every instance: whoever holds it is the only sender. */
export const OUTBOX_LOCK_KEY = 7_340_001;

const BATCH = 50;
const LEASE_MS = 5 * 60_000;
// The password is only needed until the provider has it; the stored row keeps no secret after that.
const SENT_SECRET_BODY = 'Mensagem com senha enviada; conteúdo removido após o envio.';
// A message with a password that will never be sent loses it too.
const FAILED_SECRET_BODY = 'Mensagem com senha não enviada; conteúdo removido.';

export interface DispatcherOptions {
  intervalMs?: number;
  /** Sends channel 'email'; without it e-mails stay queued. */
  email?: EmailProvider | null;
  /** Opens sealed bodies (new SAC passwords); without it a sealed message fails instead of leaking. */
  unseal?: (body: string) => string;
  onError?: (err: unknown) => void;
}

/** Drains the outbox (SMS and e-mail) in the background; with several instances, one sends at a time. */
export class OutboxDispatcher {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly provider: SmsProvider | null,
    private readonly clock: Clock,
    private readonly options: DispatcherOptions = {},
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 5_000);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  private async tick(): Promise<void> {
    if (this.#running) return;
    try {
      await this.runOnce();
    } catch (err) {
      this.options.onError?.(err);
    }
  }

  /** One pass; answers how many messages were handed to the provider (0 without the lock). */
  runOnce(): Promise<number> {
    this.#running ??= this.#drainWithLock().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  // Session-level advisory lock: taken, used and released on one pooled connection.
  async #drainWithLock(): Promise<number> {
    return this.db.connection().execute(async (conn) => {
      const lock = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${OUTBOX_LOCK_KEY}) as ok`.execute(conn);
      if (!lock.rows[0]?.ok) return 0;
      try {
        let sent = 0;
        for (;;) {
          const batch = await claimDue(conn, this.clock.now(), BATCH, LEASE_MS, this.#channels());
          for (const m of batch) sent += await this.#deliver(conn, m);
          if (batch.length < BATCH) return sent;
        }
      } finally {
        await sql`select pg_advisory_unlock(${OUTBOX_LOCK_KEY})`.execute(conn);
      }
    });
  }

  // Only channels with a provider are claimed: the others wait in the outbox untouched.
  #channels(): string[] {
    return [...(this.provider ? ['sms'] : []), ...(this.options.email ? ['email'] : [])];
  }

  #send(m: OutboxMessage, body: string): Promise<string | null> {
    if (m.channel === 'email' && this.options.email) {
      return this.options.email.send({ id: m.id, recipient: m.recipient, subject: m.subject ?? '', body });
    }
    if (m.channel === 'sms' && this.provider) return this.provider.send({ id: m.id, recipient: m.recipient, body });
    return Promise.reject(new Error(`no provider for channel ${m.channel}`));
  }

  async #deliver(db: Db, m: OutboxMessage): Promise<number> {
    const secret = m.purpose === 'sac_password' || isSealed(m.body);
    try {
      const body = isSealed(m.body) ? this.#unseal(m.body) : m.body;
      const providerId = await this.#send(m, body);
      await markSent(db, m.id, this.clock.now(), providerId, secret ? SENT_SECRET_BODY : undefined);
      return 1;
    } catch (err) {
      const backoff = 30_000 * 2 ** Math.min(m.attempts, 8);
      const message = (err as Error).message ?? 'send failed';
      await markFailed(db, m, message, new Date(this.clock.now().getTime() + backoff), secret ? FAILED_SECRET_BODY : undefined);
      return 0;
    }
  }

  #unseal(body: string): string {
    if (!this.options.unseal) throw new Error('sealed message and no key to open it');
    return this.options.unseal(body);
  }
}
