import type { Db } from '../../db/database.ts';
import { listenForNotifications } from '../../db/database.ts';
import type { SessionRow } from './session.repository.ts';

export interface CachedSession {
  session: SessionRow;
  /** The profile's allowed IPs when it limits calls to a list, else null. */
  ips: string[] | null;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
const caches = new WeakMap<Db, SessionCache>();

/**
 * Resolved session tokens by token hash, so a data call does not look its session up again.
 * Correct across instances: a trigger on every table a session depends on NOTIFYs
 * `provedor_auth` at commit (migration 0100) and every instance empties its cache; while the
 * listener is down the cache is bypassed. Single-use sessions are never cached. Expiry is still
 * checked on every call; the TTL only bounds memory and a missed notification.
 */
export class SessionCache {
  #entries = new Map<string, CachedSession & { at: number }>();
  #live = false;

  get(tokenHash: string): CachedSession | undefined {
    if (!this.#live) return undefined;
    const e = this.#entries.get(tokenHash);
    if (e && performance.now() - e.at > TTL_MS) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return e;
  }

  set(tokenHash: string, value: CachedSession): void {
    if (!this.#live || value.session.single_use) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(tokenHash, { ...value, at: performance.now() });
  }

  clear(): void {
    this.#entries.clear();
  }

  setLive(live: boolean): void {
    this.#live = live;
    this.#entries.clear();
  }
}

export const sessionCacheOf = (db: Db): SessionCache | undefined => caches.get(db);

/** Starts the cache of `db` and its invalidation listener; returns the stopper. */
export async function startSessionCache(db: Db, onError: (err: unknown) => void): Promise<() => Promise<void>> {
  const cache = new SessionCache();
  caches.set(db, cache);
  try {
    const stop = await listenForNotifications(db, 'provedor_auth', {
      onNotify: () => cache.clear(),
      onListening: () => cache.setLive(true),
      onLost: () => cache.setLive(false),
    });
    return async () => {
      cache.setLive(false);
      if (caches.get(db) === cache) caches.delete(db);
      await stop();
    };
  } catch (err) {
    onError(err);
    if (caches.get(db) === cache) caches.delete(db);
    return async () => {};
  }
}
