import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { writeAudit } from '../../db/audit.ts';
import { withTransaction } from '../../db/transaction.ts';

/** Admin login: refusals counted per typed login and per client IP over a sliding window. */
export const ADMIN_LOGIN_LIMITS = { perLogin: 10, perIp: 30, windowMinutes: 15 } as const;

/**
 * The failed logins are the audit rows (action `login_failed`), so every instance sharing the
 * database sees the same counts and a restart does not reset them.
 */
export async function adminLoginBlocked(db: Db, login: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - ADMIN_LOGIN_LIMITS.windowMinutes * 60_000);
  const row = await db
    .selectFrom('audit_log')
    .select([
      sql<number>`count(*) filter (where details->>'login' = ${login.toLowerCase()})::int`.as('by_login'),
      sql<number>`count(*) filter (where details->>'ip' = ${ip})::int`.as('by_ip'),
    ])
    .where('action', '=', 'login_failed')
    .where('entity', '=', 'admin_session')
    .where('at', '>', since)
    .where('at', '<=', now)
    .executeTakeFirstOrThrow();
  return row.by_login >= ADMIN_LOGIN_LIMITS.perLogin || row.by_ip >= ADMIN_LOGIN_LIMITS.perIp;
}

export type LoginRefusal = 'unknown_login' | 'wrong_password' | 'not_admin';

export async function recordAdminLoginFailure(
  db: Db,
  entry: { login: string; ip: string; reason: LoginRefusal; at: Date },
): Promise<void> {
  await withTransaction(db, (tx) =>
    writeAudit(tx, {
      at: entry.at,
      actor: 'anonymous',
      action: 'login_failed',
      entity: 'admin_session',
      entityId: null,
      details: { login: entry.login.toLowerCase(), ip: entry.ip, reason: entry.reason },
    }),
  );
}
