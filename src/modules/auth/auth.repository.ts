import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { CoalescedInsert } from '../../db/coalesced-insert.ts';
import { queryTemplate } from '../../db/query-template.ts';
import type { Tx } from '../../db/transaction.ts';
import { unnestInsert } from '../../db/unnest-insert.ts';

/** What a new session of a profile for an operator depends on. */
export interface ProfileAccess {
  operator_in_profile: boolean;
  /** The profile's service codes, ascending. */
  services: number[];
  /** The profile's allowed CIDRs (checked only when it limits calls to its IP list). */
  ips: string[];
}

// Sub-selects instead of three queries: a login is one round trip to the database.
const accessOf = (profileId: RawBuilder<unknown>, operatorId: RawBuilder<unknown>) => [
  sql<boolean>`exists (select 1 from ws_profile_operators po where po.profile_id = ${profileId} and po.operator_id = ${operatorId})`.as(
    'operator_in_profile',
  ),
  sql<number[]>`coalesce((select json_agg(s.service_code order by s.service_code) from ws_profile_services s where s.profile_id = ${profileId}), '[]')`.as(
    'services',
  ),
  sql<string[]>`coalesce((select json_agg(i.cidr::text) from ws_profile_ips i where i.profile_id = ${profileId}), '[]')`.as('ips'),
];

/**
 * WSAutenticacao: the general profile whose contra-senha hashes to `secretHmac`, the active
 * operator whose API token hashes to `tokenHash` (operator_id null when there is none) and the
 * profile's access for that operator.
 */
const generalLoginQuery = (db: Db, args: { tokenHash: string; secretHmac: string }) =>
  db
    .selectFrom('ws_profiles as p')
    .leftJoin('operators as o', (join) => join.on('o.api_token_hash', '=', args.tokenHash).on('o.active', '=', true))
    .select(['p.id', 'p.active', 'p.expiry_minutes', 'p.single_use', 'p.limit_to_ip_list', 'o.id as operator_id'])
    .select(accessOf(sql.ref('p.id'), sql.ref('o.id')))
    .where('p.secret_hmac', '=', args.secretHmac)
    .where('p.kind', '=', 'general')
    .limit(1);

const runGeneralLogin = queryTemplate(generalLoginQuery);

export type GeneralLogin = Awaited<ReturnType<typeof runGeneralLogin>>[number] & ProfileAccess;

export async function findGeneralLogin(db: Db | Tx, tokenHash: string, secretHmac: string): Promise<GeneralLogin | undefined> {
  const [row] = await runGeneralLogin(db, { tokenHash, secretHmac });
  return row as GeneralLogin | undefined;
}

export async function findProfileAccess(db: Db | Tx, profileId: number, operatorId: number): Promise<ProfileAccess> {
  const row = await db.selectNoFrom(accessOf(sql.val(profileId), sql.val(operatorId))).executeTakeFirstOrThrow();
  return row as ProfileAccess;
}

export async function findActiveOperatorByLogin(db: Db | Tx, login: string) {
  return db
    .selectFrom('operators')
    .select(['id', 'login', 'password_hash'])
    .where('login', '=', login)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function findSpecificProfilesOfOperator(db: Db | Tx, operatorId: number) {
  return db
    .selectFrom('ws_profiles as p')
    .innerJoin('ws_profile_operators as po', 'po.profile_id', 'p.id')
    .select(['p.id', 'p.active', 'p.expiry_minutes', 'p.single_use', 'p.limit_to_ip_list', 'p.starts_on', 'p.ends_on'])
    .where('p.kind', '=', 'specific')
    .where('po.operator_id', '=', operatorId)
    .orderBy('p.id')
    .execute();
}

export async function listProfileServices(db: Db | Tx, profileId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('ws_profile_services')
    .select('service_code')
    .where('profile_id', '=', profileId)
    .orderBy('service_code')
    .execute();
  return rows.map((r) => r.service_code);
}

interface NewSession {
  token_hash: string;
  profile_id: number;
  operator_id: number;
  services: number[];
  single_use: boolean;
  created_at: Date;
  expires_at: Date;
  client_ip: string;
}

const insertSessions = unnestInsert<NewSession>('ws_sessions', [
  ['token_hash', 'text'],
  ['profile_id', 'integer'],
  ['operator_id', 'integer'],
  ['services', 'integer[]'],
  ['single_use', 'boolean'],
  ['created_at', 'timestamptz'],
  ['expires_at', 'timestamptz'],
  ['client_ip', 'text'],
]);
const sessionWriters = new WeakMap<Db, CoalescedInsert<NewSession>>();

/** Concurrent logins share one INSERT and one commit (coalesced-insert.ts). */
export async function insertSession(db: Db, row: NewSession): Promise<void> {
  let writer = sessionWriters.get(db);
  if (!writer) {
    writer = new CoalescedInsert((rows) => db.executeQuery(insertSessions(rows)));
    sessionWriters.set(db, writer);
  }
  await writer.insert(row);
}
