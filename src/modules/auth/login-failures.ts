import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { writeAudit } from '../../db/audit.ts';
import { withTransaction } from '../../db/transaction.ts';

/**
 * Operator password checks (admin login and WSAutenticacaoOperador): refusals counted per typed
 * login and per client IP over a sliding window, both entry points together, so neither one
 * lets a password be guessed past the other's limit.
 */
export const LOGIN_LIMITS = { perLogin: 10, perIp: 30, windowMinutes: 15 } as const;

/** Where the password was tried: the audit `entity` of its `login_failed` rows. */
export type LoginEntryPoint = 'admin_session' | 'ws_operator_login';
export type LoginRefusal = 'unknown_login' | 'wrong_password' | 'not_admin' | 'not_allowed';

/**
 * The failed logins are the audit rows (action `login_failed`), so every instance sharing the
 * database sees the same counts and a restart does not reset them.
 */
export async function loginBlocked(db: Db, login: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const row = await db
    .selectFrom('audit_log')
    .select([
      sql<number>`count(*) filter (where details->>'login' = ${login.toLowerCase()})::int`.as('by_login'),
      sql<number>`count(*) filter (where details->>'ip' = ${ip})::int`.as('by_ip'),
    ])
    .where('action', '=', 'login_failed')
    .where('entity', 'in', ['admin_session', 'ws_operator_login'])
    .where('at', '>', since)
    .where('at', '<=', now)
    .executeTakeFirstOrThrow();
  return row.by_login >= LOGIN_LIMITS.perLogin || row.by_ip >= LOGIN_LIMITS.perIp;
}

export async function recordLoginFailure(
  db: Db,
  entry: { entryPoint: LoginEntryPoint; login: string; ip: string; reason: LoginRefusal; at: Date },
): Promise<void> {
  await withTransaction(db, (tx) =>
    writeAudit(tx, {
      at: entry.at,
      actor: 'anonymous',
      action: 'login_failed',
      entity: entry.entryPoint,
      entityId: null,
      details: { login: entry.login.toLowerCase(), ip: entry.ip, reason: entry.reason },
    }),
  );
}
