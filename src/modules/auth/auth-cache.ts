import type { Db } from '../../db/database.ts';
import { listenForNotifications } from '../../db/database.ts';
import type { GeneralLogin } from './auth.repository.ts';
import type { SessionRow } from './session.repository.ts';

export interface CachedSession {
  session: SessionRow;
  /** The profile's allowed IPs when it limits calls to a list, else null. */
  ips: string[] | null;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/**
 * A per-instance map that is correct across instances: a trigger on every table its entries
 * depend on NOTIFYs `provedor_auth` at commit (migrations 0100, 0132) and every instance empties
 * its caches; while the listener is down nothing is cached or served. The TTL only bounds memory
 * and a missed notification.
 */
export class AuthCache<V> {
  #entries = new Map<string, { value: V; at: number }>();
  #live = false;

  constructor(private readonly cacheable: (value: V) => boolean = () => true) {}

  get(key: string): V | undefined {
    if (!this.#live) return undefined;
    const e = this.#entries.get(key);
    if (e && performance.now() - e.at > TTL_MS) {
      this.#entries.delete(key);
      return undefined;
    }
    return e?.value;
  }

  set(key: string, value: V): void {
    if (!this.#live || !this.cacheable(value)) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, { value, at: performance.now() });
  }

  clear(): void {
    this.#entries.clear();
  }

  setLive(live: boolean): void {
    this.#live = live;
    this.#entries.clear();
  }
}

interface AuthCaches {
  /**
   * Resolved session tokens by token hash, so a data call does not look its session up again.
   * Single-use sessions are never cached; expiry is still checked on every call.
   */
  sessions: AuthCache<CachedSession>;
  /**
   * WSAutenticacao's successful look-ups (profile, operator and the profile's access) by
   * `<token hash>:<contra-senha hash>`: a new session then costs only its INSERT. Refusals are
   * never cached, so a wrong credential always reaches the database and the failure throttle.
   */
  logins: AuthCache<GeneralLogin>;
}

const caches = new WeakMap<Db, AuthCaches>();

export const sessionCacheOf = (db: Db): AuthCache<CachedSession> | undefined => caches.get(db)?.sessions;
export const loginCacheOf = (db: Db): AuthCache<GeneralLogin> | undefined => caches.get(db)?.logins;

/** This instance's own changes take effect before it answers (others wait for the NOTIFY). */
export function clearAuthCaches(db: Db): void {
  const c = caches.get(db);
  c?.sessions.clear();
  c?.logins.clear();
}

/** Starts the caches of `db` and their invalidation listener; returns the stopper. */
export async function startAuthCaches(db: Db, onError: (err: unknown) => void): Promise<() => Promise<void>> {
  const mine: AuthCaches = {
    sessions: new AuthCache((v) => !v.session.single_use),
    logins: new AuthCache(),
  };
  const all = [mine.sessions, mine.logins];
  const setLive = (live: boolean) => {
    for (const c of all) c.setLive(live);
  };
  caches.set(db, mine);
  try {
    const stop = await listenForNotifications(db, 'provedor_auth', {
      onNotify: () => {
        for (const c of all) c.clear();
      },
      onListening: () => setLive(true),
      onLost: () => setLive(false),
    });
    return async () => {
      setLive(false);
      if (caches.get(db) === mine) caches.delete(db);
      await stop();
    };
  } catch (err) {
    onError(err);
    if (caches.get(db) === mine) caches.delete(db);
    return async () => {};
  }
}
