import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export interface ProfileData {
  description: string;
  active: boolean;
  expiry_minutes: number;
  single_use: boolean;
  starts_on: string | null;
  ends_on: string | null;
}

export interface IpEntry {
  address: string;
  note: string;
}

const PROFILE_COLUMNS = [
  'p.id',
  'p.kind',
  'p.description',
  'p.active',
  'p.expiry_minutes',
  'p.single_use',
  'p.starts_on',
  'p.ends_on',
  'p.limit_to_ip_list',
  'p.created_at',
  'p.updated_at',
  'p.created_by',
  'o.login as created_by_login',
] as const;

export async function listProfiles(db: Db | Tx, kind: string | undefined) {
  let q = db
    .selectFrom('ws_profiles as p')
    .leftJoin('operators as o', 'o.id', 'p.created_by')
    .select([
      ...PROFILE_COLUMNS,
      sql<number>`(select count(*) from ws_profile_ips i where i.profile_id = p.id)::int`.as('ip_count'),
      sql<string[]>`coalesce((select array_agg(op.login::text order by op.login) from ws_profile_operators po
        join operators op on op.id = po.operator_id where po.profile_id = p.id), '{}')`.as('operator_logins'),
      sql<number[]>`coalesce((select array_agg(s.service_code order by s.service_code) from ws_profile_services s
        where s.profile_id = p.id), '{}')`.as('services'),
    ])
    .orderBy('p.id');
  if (kind) q = q.where('p.kind', '=', kind);
  return q.execute();
}

export async function findProfile(db: Db | Tx, id: number) {
  return db
    .selectFrom('ws_profiles as p')
    .leftJoin('operators as o', 'o.id', 'p.created_by')
    .select(PROFILE_COLUMNS)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function listProfileIpEntries(db: Db | Tx, profileId: number): Promise<IpEntry[]> {
  return db
    .selectFrom('ws_profile_ips')
    .select(['cidr as address', 'note'])
    .where('profile_id', '=', profileId)
    .orderBy('cidr')
    .execute();
}

export async function listProfileOperators(db: Db | Tx, profileId: number) {
  return db
    .selectFrom('ws_profile_operators as po')
    .innerJoin('operators as o', 'o.id', 'po.operator_id')
    .select(['o.id', 'o.login', 'o.name', 'o.active'])
    .where('po.profile_id', '=', profileId)
    .orderBy('o.login')
    .execute();
}

export async function insertProfile(
  tx: Tx,
  row: ProfileData & { kind: string; secret_hmac: string | null; limit_to_ip_list: boolean; created_by: number; created_at: Date },
): Promise<number> {
  const r = await tx
    .insertInto('ws_profiles')
    .values({ ...row, updated_at: row.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProfileData(
  tx: Tx,
  id: number,
  data: ProfileData & { secret_hmac?: string; updated_at: Date },
): Promise<void> {
  await tx.updateTable('ws_profiles').set(data).where('id', '=', id).execute();
}

export async function setIpLimit(tx: Tx, id: number, limit: boolean, at: Date): Promise<void> {
  await tx.updateTable('ws_profiles').set({ limit_to_ip_list: limit, updated_at: at }).where('id', '=', id).execute();
}

export async function replaceIps(tx: Tx, profileId: number, ips: IpEntry[]): Promise<void> {
  await tx.deleteFrom('ws_profile_ips').where('profile_id', '=', profileId).execute();
  if (ips.length === 0) return;
  await tx
    .insertInto('ws_profile_ips')
    .values(ips.map((ip) => ({ profile_id: profileId, cidr: ip.address, note: ip.note })))
    .execute();
}

export async function replaceOperators(tx: Tx, profileId: number, operatorIds: number[]): Promise<void> {
  await tx.deleteFrom('ws_profile_operators').where('profile_id', '=', profileId).execute();
  if (operatorIds.length === 0) return;
  await tx
    .insertInto('ws_profile_operators')
    .values(operatorIds.map((operator_id) => ({ profile_id: profileId, operator_id })))
    .execute();
}

export async function replaceServices(tx: Tx, profileId: number, services: number[]): Promise<void> {
  await tx.deleteFrom('ws_profile_services').where('profile_id', '=', profileId).execute();
  if (services.length === 0) return;
  await tx
    .insertInto('ws_profile_services')
    .values(services.map((service_code) => ({ profile_id: profileId, service_code })))
    .execute();
}

export async function countExistingOperators(db: Db | Tx, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .selectFrom('operators')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function isSecretTaken(db: Db | Tx, secretHmac: string, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('ws_profiles').select('id').where('secret_hmac', '=', secretHmac);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Ends the sessions of a profile, so changed grants apply at once rather than at expiry. */
export async function revokeProfileSessions(tx: Tx, profileId: number): Promise<number> {
  const r = await tx.deleteFrom('ws_sessions').where('profile_id', '=', profileId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteProfile(tx: Tx, id: number): Promise<boolean> {
  const r = await tx.deleteFrom('ws_profiles').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
