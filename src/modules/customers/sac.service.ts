import type { Db } from '../../db/database.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { isMkError, MkError } from '../../http/mk/mk-errors.ts';
import { verifyPassword } from '../../lib/password.ts';
import { assertSacLoginAllowed, clearSacLoginFailures, recordSacLoginFailure } from './sac-throttle.ts';

// A real scrypt hash of a random throwaway value: unknown logins cost the same as known ones.
const DUMMY_HASH = 'scrypt$16384$8$1$pNeQ+LShIA3euf0A41YqlQ==$sy/OvK/qs47teVitq9hL6pV1h48l+MpfIqDjLXl0lj8=';

/** WSMKUserSenhaSAC: the customer behind a SAC login, or 007 — the same refusal for every failure. */
export async function authenticateSac(db: Db, login: string, password: string) {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'name', 'sac_password_hash'])
    .where('sac_login', '=', login)
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.sac_password_hash ?? DUMMY_HASH);
  if (!row?.sac_password_hash || !ok) throw new MkError('authFailed');
  return { id: row.id, name: row.name };
}

/**
 * WSMKUserSenhaSAC with its throttle: keyed on the SAC login (lock with backoff) and on the
 * calling profile (ceiling per window), not on the IP — an app logs all its customers in from
 * one IP, and one account must not be guessable from many IPs.
 */
export async function authenticateSacThrottled(deps: AppDeps, caller: Caller, login: string, password: string) {
  await assertSacLoginAllowed(deps.db, deps.clock.now(), caller.profileId, login);
  try {
    const person = await authenticateSac(deps.db, login, password);
    await clearSacLoginFailures(deps.db, login);
    return person;
  } catch (e) {
    if (isMkError(e) && e.kind === 'authFailed') await recordSacLoginFailure(deps.db, deps.clock.now(), caller.profileId, login);
    throw e;
  }
}
