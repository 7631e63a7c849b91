import type { Db } from '../../db/database.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { verifyPassword } from '../../lib/password.ts';

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
