import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { MkError } from '../../http/mk/mk-errors.ts';

/** From this many wrong passwords of one SAC login on, each locks it for 1, 2, 4 … 60 minutes. */
export const SAC_LOGIN_FREE_FAILURES = 5;
export const SAC_LOGIN_MAX_LOCK_MINUTES = 60;
/** A login's count starts again after this long without a failure. */
const LOGIN_MEMORY_MS = 24 * 3_600_000;
/** Refused SAC logins one integration (webservice profile) may send per window, over all its customers. */
export const SAC_PROFILE_MAX_FAILURES = 100;
export const SAC_PROFILE_WINDOW_MS = 15 * 60_000;

type Row = { failures: number; window_started_at: Date; locked_until: Date | null };

const find = (db: Db, scope: 'login' | 'profile', key: string) =>
  db
    .selectFrom('sac_login_failures')
    .select(['failures', 'window_started_at', 'locked_until'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst() as Promise<Row | undefined>;

const loginKey = (login: string) => login.trim().toLowerCase().slice(0, 200);

/**
 * Refuses (011) before the password is even checked when the integration sent too many wrong
 * passwords in the window, or this SAC login is locked after repeated wrong passwords.
 */
export async function assertSacLoginAllowed(db: Db, now: Date, profileId: number, login: string): Promise<void> {
  const [profile, user] = await Promise.all([find(db, 'profile', String(profileId)), find(db, 'login', loginKey(login))]);
  if (profile && profile.failures >= SAC_PROFILE_MAX_FAILURES && profile.window_started_at.getTime() > now.getTime() - SAC_PROFILE_WINDOW_MS) {
    throw new MkError('tooManyRequests', 'Limite de senhas erradas desta integração excedido. Tente novamente mais tarde.');
  }
  if (user?.locked_until && user.locked_until.getTime() > now.getTime()) {
    const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000);
    throw new MkError('tooManyRequests', `Usuário do SAC bloqueado após senhas erradas. Tente novamente em ${minutes} minuto(s).`);
  }
}

/** Counts a refused login for both the login (lock with backoff) and the profile (window). */
export async function recordSacLoginFailure(db: Db, now: Date, profileId: number, login: string): Promise<void> {
  const loginSince = new Date(now.getTime() - LOGIN_MEMORY_MS);
  const windowSince = new Date(now.getTime() - SAC_PROFILE_WINDOW_MS);
  // One statement each: concurrent failures all count (the row is updated, never overwritten).
  await sql`
    insert into sac_login_failures as f (scope, key, failures, window_started_at, last_failure_at, locked_until)
    values ('login', ${loginKey(login)}, 1, ${now}, ${now}, null)
    on conflict (scope, key) do update set
      failures = case when f.last_failure_at < ${loginSince} then 1 else f.failures + 1 end,
      window_started_at = case when f.last_failure_at < ${loginSince} then ${now} else f.window_started_at end,
      last_failure_at = ${now},
      locked_until = case
        when f.last_failure_at < ${loginSince} or f.failures + 1 < ${SAC_LOGIN_FREE_FAILURES} then null
        else ${now}::timestamptz + make_interval(mins => least(power(2, f.failures + 1 - ${SAC_LOGIN_FREE_FAILURES})::int, ${SAC_LOGIN_MAX_LOCK_MINUTES}))
      end`.execute(db);
  await sql`
    insert into sac_login_failures as f (scope, key, failures, window_started_at, last_failure_at)
    values ('profile', ${String(profileId)}, 1, ${now}, ${now})
    on conflict (scope, key) do update set
      failures = case when f.window_started_at < ${windowSince} then 1 else f.failures + 1 end,
      window_started_at = case when f.window_started_at < ${windowSince} then ${now} else f.window_started_at end,
      last_failure_at = ${now}`.execute(db);
}

/** A right password clears the login's count (the integration's window runs its course). */
export async function clearSacLoginFailures(db: Db, login: string): Promise<void> {
  await db.deleteFrom('sac_login_failures').where('scope', '=', 'login').where('key', '=', loginKey(login)).execute();
}

/** Retention (in the activity retention pass, under its advisory lock): rows whose count no longer matters. */
export async function purgeSacLoginFailures(db: Db, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('sac_login_failures')
    .where('last_failure_at', '<', new Date(now.getTime() - LOGIN_MEMORY_MS))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
