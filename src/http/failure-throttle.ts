import { type Db, listenForNotifications } from '../db/database.ts';
import {
  blockedKeys,
  blockOf,
  recordCredentialFailure,
  THROTTLE_CHANNEL,
  type ThrottleRule,
} from '../modules/auth/credential-failures.repository.ts';
import type { Clock } from './context.ts';

/** 10 refused credential checks of one endpoint from one IP within 15 minutes → 011 until the oldest leaves the window. */
export const CREDENTIAL_THROTTLE: ThrottleRule = { maxFailures: 10, windowMs: 15 * 60_000 };

const MAX_REMEMBERED = 100_000;

/**
 * Counts failed credential checks per key (endpoint + client IP) in a sliding window, so a
 * password or contra-senha cannot be brute-forced through the webservices. The counts live in
 * the database (`credential_failures`), shared by every instance. The check before each call reads
 * no table: a key that reaches the limit is announced by NOTIFY and every instance keeps the
 * refused keys in memory; a starting instance loads them once, and while its listener is down it
 * reads the key's row on each call instead. A failure from a key already refused in the database
 * (announced a few milliseconds ago, not yet heard) is answered 011 and not counted.
 */
export class FailureThrottle {
  readonly #blockedUntil = new Map<string, number>();
  #listening = false;
  #loaded = false;
  #generation = 0;
  #loading: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onError: (err: unknown) => void = () => {},
    readonly rule: ThrottleRule = CREDENTIAL_THROTTLE,
  ) {}

  /** Starts listening for blocks made by any instance; returns the stopper. */
  async start(): Promise<() => Promise<void>> {
    const reset = (listening: boolean) => {
      this.#listening = listening;
      this.#loaded = false;
      this.#generation += 1;
    };
    try {
      return await listenForNotifications(this.db, THROTTLE_CHANNEL, {
        onNotify: (payload) => this.#heard(payload),
        onListening: () => reset(true),
        onLost: () => reset(false),
      });
    } catch (err) {
      this.onError(err);
      return async () => {};
    }
  }

  async isBlocked(key: string): Promise<boolean> {
    const now = this.clock.now();
    if (this.#listening && !this.#loaded) await this.#load();
    if (this.#listening && this.#loaded) return (this.#blockedUntil.get(key) ?? 0) > now.getTime();
    const until = await blockOf(this.db, key, now, this.rule);
    if (until) this.#remember(key, until.getTime());
    return until !== null;
  }

  /** Counts a refused check; true when the key was already refused (answer 011, not the refusal). */
  async recordFailure(key: string): Promise<boolean> {
    const r = await recordCredentialFailure(this.db, key, this.clock.now(), this.rule);
    const until = r.blockedBefore ?? r.blockedUntil;
    if (until) this.#remember(key, until.getTime());
    return r.blockedBefore !== null;
  }

  #heard(payload: string): void {
    try {
      const { key, until } = JSON.parse(payload) as { key?: unknown; until?: unknown };
      if (typeof key === 'string' && typeof until === 'number') this.#remember(key, until);
    } catch {
      // not ours: ignore
    }
  }

  #remember(key: string, until: number): void {
    if (until <= (this.#blockedUntil.get(key) ?? 0)) return;
    if (this.#blockedUntil.size >= MAX_REMEMBERED) {
      const now = this.clock.now().getTime();
      for (const [k, u] of this.#blockedUntil) if (u <= now) this.#blockedUntil.delete(k);
    }
    this.#blockedUntil.set(key, until);
  }

  // Loaded after LISTEN took effect: a block committed before is in the table, one after is heard.
  #load(): Promise<void> {
    this.#loading ??= (async () => {
      const generation = this.#generation;
      try {
        for (const b of await blockedKeys(this.db, this.clock.now(), this.rule)) this.#remember(b.key, b.until.getTime());
        if (generation === this.#generation) this.#loaded = true;
      } catch (err) {
        this.onError(err);
      } finally {
        this.#loading = null;
      }
    })();
    return this.#loading;
  }
}
