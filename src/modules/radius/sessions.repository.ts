import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Conn = Db | Tx;

export interface RadiusSession {
  username: string;
  framed_ip: string | null;
  started_at: Date;
  stopped_at: Date | null;
  input_bytes: number;
  output_bytes: number;
  nas_ip: string | null;
}

/**
 * The connection's latest session as FreeRADIUS accounted it in radacct (matched by login,
 * case-insensitively like the NAS does). Read-only: FreeRADIUS owns these rows.
 */
export async function latestRadiusSession(db: Conn, connectionId: number): Promise<RadiusSession | undefined> {
  const row = await db
    .selectFrom('radacct as r')
    .innerJoin('connections as cn', (j) => j.on(sql<boolean>`lower(r.username) = lower(cn.username)`))
    .select([
      'r.username',
      sql<string | null>`host(r.framedipaddress)`.as('framed_ip'),
      sql<Date>`coalesce(r.acctstarttime, r.acctupdatetime)`.as('started_at'),
      'r.acctstoptime',
      sql<string>`coalesce(r.acctinputoctets, 0)::text`.as('input_bytes'),
      sql<string>`coalesce(r.acctoutputoctets, 0)::text`.as('output_bytes'),
      sql<string | null>`host(r.nasipaddress)`.as('nas_ip'),
    ])
    .where('cn.id', '=', connectionId)
    .where(sql<boolean>`coalesce(r.acctstarttime, r.acctupdatetime) is not null`)
    .orderBy(sql`coalesce(r.acctstarttime, r.acctupdatetime)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    username: row.username ?? '',
    framed_ip: row.framed_ip,
    started_at: new Date(row.started_at),
    stopped_at: row.acctstoptime ? new Date(row.acctstoptime) : null,
    input_bytes: Number(row.input_bytes),
    output_bytes: Number(row.output_bytes),
    nas_ip: row.nas_ip,
  };
}
