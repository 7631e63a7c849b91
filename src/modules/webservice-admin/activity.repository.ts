import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export type ActivityPanel = 'activity' | 'errors' | 'validations';

export interface ActivityFilter {
  panel: ActivityPanel;
  from: Date;
  to: Date;
  endpoint?: string | undefined;
  profileId?: number | undefined;
  operatorId?: number | undefined;
  ip?: string | undefined;
  status?: 'ok' | 'error' | undefined;
  errorCode?: string | undefined;
}

function filtered(db: Db | Tx, f: ActivityFilter) {
  let q = db.selectFrom('activity_log as a').where('a.at', '>=', f.from).where('a.at', '<', f.to);
  if (f.panel === 'activity' || f.status === 'ok') q = q.where('a.error_code', 'is', null);
  if (f.panel === 'errors' || f.status === 'error') q = q.where('a.error_code', 'is not', null);
  if (f.panel === 'validations') q = q.where('a.is_validation', '=', true);
  if (f.endpoint) q = q.where('a.endpoint_id', '=', f.endpoint);
  if (f.profileId !== undefined) q = q.where('a.profile_id', '=', f.profileId);
  if (f.operatorId !== undefined) q = q.where('a.operator_id', '=', f.operatorId);
  if (f.ip?.includes('/')) q = q.where(sql<boolean>`a.client_ip::inet <<= ${f.ip}::inet`);
  else if (f.ip) q = q.where('a.client_ip', '=', f.ip);
  if (f.errorCode) q = q.where('a.error_code', '=', f.errorCode);
  return q;
}

export async function countActivity(db: Db | Tx, f: ActivityFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listActivity(db: Db | Tx, f: ActivityFilter, limit: number, offset: number) {
  return filtered(db, f)
    .leftJoin('ws_profiles as p', 'p.id', 'a.profile_id')
    .leftJoin('operators as o', 'o.id', 'a.operator_id')
    .select([
      'a.id',
      'a.at',
      'a.surface',
      'a.endpoint_id',
      'a.method',
      'a.client_ip',
      'a.profile_id',
      'p.description as profile_description',
      'a.operator_id',
      'o.login as operator_login',
      'a.http_status',
      'a.error_code',
      'a.duration_ms',
      'a.is_validation',
      'a.query',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Panel 4: each operator of each specific-authorisation profile. */
export function specificOperatorsQuery(db: Db | Tx, f: { profileId?: number | undefined }) {
  let q = db
    .selectFrom('ws_profile_operators as po')
    .innerJoin('ws_profiles as p', 'p.id', 'po.profile_id')
    .innerJoin('operators as o', 'o.id', 'po.operator_id')
    .where('p.kind', '=', 'specific');
  if (f.profileId !== undefined) q = q.where('p.id', '=', f.profileId);
  return {
    count: async () => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    page: (limit: number, offset: number) =>
      q
        .select([
          'o.id as operator_id',
          'o.login',
          'o.name',
          'o.active as operator_active',
          'p.id as profile_id',
          'p.description',
          'p.active as profile_active',
          'p.starts_on',
          'p.ends_on',
        ])
        .orderBy('o.login')
        .orderBy('p.id')
        .limit(limit)
        .offset(offset)
        .execute(),
  };
}

/** Deletes up to `limit` activity rows older than `before`; returns how many went. */
export async function deleteActivityBatch(tx: Tx, before: Date, limit: number): Promise<number> {
  const r = await tx
    .deleteFrom('activity_log')
    .where('id', 'in', (eb) => eb.selectFrom('activity_log').select('id').where('at', '<', before).limit(limit))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Sessions (webservice and admin) past their expiry are useless; they go with the activity purge. */
export async function deleteExpiredSessions(tx: Tx, before: Date): Promise<number> {
  const ws = await tx.deleteFrom('ws_sessions').where('expires_at', '<', before).executeTakeFirst();
  const admin = await tx.deleteFrom('admin_sessions').where('expires_at', '<', before).executeTakeFirst();
  return Number(ws.numDeletedRows) + Number(admin.numDeletedRows);
}

/** Transaction-scoped advisory lock: only one server instance purges at a time. */
export async function tryPurgeLock(tx: Tx, key: number): Promise<boolean> {
  const r = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}) as locked`.execute(tx);
  return r.rows[0]?.locked === true;
}
