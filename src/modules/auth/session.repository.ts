import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export interface SessionRow {
  id: number;
  profile_id: number;
  operator_id: number;
  operator_login: string;
  services: number[];
  single_use: boolean;
  expires_at: Date;
  used_at: Date | null;
  operator_active: boolean;
  profile_kind: string;
  profile_active: boolean;
  starts_on: string | null;
  ends_on: string | null;
  limit_to_ip_list: boolean;
  operator_in_profile: boolean;
}

export async function findSessionByHash(db: Db | Tx, tokenHash: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('ws_sessions as s')
    .innerJoin('operators as o', 'o.id', 's.operator_id')
    .innerJoin('ws_profiles as p', 'p.id', 's.profile_id')
    .select([
      's.id',
      's.profile_id',
      's.operator_id',
      'o.login as operator_login',
      's.services',
      's.single_use',
      's.expires_at',
      's.used_at',
      'o.active as operator_active',
      'p.kind as profile_kind',
      'p.active as profile_active',
      'p.starts_on',
      'p.ends_on',
      'p.limit_to_ip_list',
      sql<boolean>`exists (select 1 from ws_profile_operators po
        where po.profile_id = s.profile_id and po.operator_id = s.operator_id)`.as('operator_in_profile'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function listProfileIps(db: Db | Tx, profileId: number): Promise<string[]> {
  const rows = await db.selectFrom('ws_profile_ips').select('cidr').where('profile_id', '=', profileId).execute();
  return rows.map((r) => r.cidr);
}

/** Marks a single-use session used; false when another call got there first. */
export async function consumeSession(db: Db | Tx, sessionId: number, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('ws_sessions')
    .set({ used_at: at })
    .where('id', '=', sessionId)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
