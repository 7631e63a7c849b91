import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

/** Channel on which a key that reaches the limit is announced to every instance. */
export const THROTTLE_CHANNEL = 'provedor_throttle';

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

const windowStart = (now: Date, rule: ThrottleRule) => new Date(now.getTime() - rule.windowMs);

/**
 * SQL: when the block made by the failure times `times` ends, or null when they block nothing: a
 * key is refused while its latest `maxFailures` failures all lie in the window, i.e. until the
 * oldest of them leaves it.
 */
const blockEnd = (times: RawBuilder<unknown>, now: Date, rule: ThrottleRule) => sql<Date | null>`(
  select case when count(*) >= ${rule.maxFailures} then min(t) + ${rule.windowMs / 1000}::float8 * interval '1 second' end
  from (select t from unnest(${times}) t where t > ${windowStart(now, rule)} order by t desc limit ${rule.maxFailures}) latest)`;

export interface RecordedFailure {
  /** The key was already refused before this failure (which is then not counted): its block's end. */
  blockedBefore: Date | null;
  /** The block this failure completed (or null): announced on THROTTLE_CHANNEL at commit. */
  blockedUntil: Date | null;
}

/**
 * Counts one refused credential check, in one statement: the row lock makes concurrent failures
 * (on any instance) all count, and a key already refused keeps its block instead of extending it.
 */
export async function recordCredentialFailure(db: Db, key: string, now: Date, rule: ThrottleRule): Promise<RecordedFailure> {
  const { rows } = await sql<RecordedFailure>`
    with previous as (
      select ${blockEnd(sql`failed_at`, now, rule)} as until
      from credential_failures where throttle_key = ${key} for update
    ), counted as (
      insert into credential_failures as f (throttle_key, failed_at, last_failure_at)
      select ${key}, array[${now}::timestamptz], ${now}
      where not exists (select 1 from previous where until is not null)
      on conflict (throttle_key) do update set
        failed_at = array(
          select t from (
            select t from unnest(f.failed_at || excluded.failed_at) t
            where t > ${windowStart(now, rule)} order by t desc limit ${rule.maxFailures}) latest
          order by t),
        last_failure_at = greatest(f.last_failure_at, excluded.last_failure_at)
      returning failed_at
    ), blocked as (
      select ${blockEnd(sql`failed_at`, now, rule)} as until from counted
    )
    select
      (select until from previous) as "blockedBefore",
      (select until from blocked) as "blockedUntil",
      (select pg_notify(${THROTTLE_CHANNEL}, json_build_object('key', ${key}::text, 'until', (extract(epoch from until) * 1000)::bigint)::text)
       from blocked where until is not null) as notified`.execute(db);
  const row = rows[0];
  return { blockedBefore: row?.blockedBefore ?? null, blockedUntil: row?.blockedUntil ?? null };
}

/** When the block of `key` ends, or null when it is not refused now (one primary-key read). */
export async function blockOf(db: Db, key: string, now: Date, rule: ThrottleRule): Promise<Date | null> {
  const { rows } = await sql<{ until: Date | null }>`
    select ${blockEnd(sql`failed_at`, now, rule)} as until from credential_failures where throttle_key = ${key}`.execute(db);
  return rows[0]?.until ?? null;
}

/** Every key refused now, with the end of its block (a starting or reconnected instance loads them). */
export async function blockedKeys(db: Db, now: Date, rule: ThrottleRule): Promise<Array<{ key: string; until: Date }>> {
  const { rows } = await sql<{ key: string; until: Date | null }>`
    select throttle_key as key, ${blockEnd(sql`failed_at`, now, rule)} as until
    from credential_failures
    where last_failure_at > ${windowStart(now, rule)} and cardinality(failed_at) >= ${rule.maxFailures}`.execute(db);
  return rows.filter((r): r is { key: string; until: Date } => r.until !== null);
}

/** Retention: keys whose last failure has left the window count nothing any more. */
export async function deleteStaleCredentialFailures(tx: Tx, now: Date, rule: ThrottleRule): Promise<number> {
  const r = await tx.deleteFrom('credential_failures').where('last_failure_at', '<=', windowStart(now, rule)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
