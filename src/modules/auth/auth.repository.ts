import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export async function findActiveOperatorByTokenHash(db: Db | Tx, tokenHash: string) {
  return db
    .selectFrom('operators')
    .select(['id', 'login'])
    .where('api_token_hash', '=', tokenHash)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function findActiveOperatorByLogin(db: Db | Tx, login: string) {
  return db
    .selectFrom('operators')
    .select(['id', 'login', 'password_hash'])
    .where('login', '=', login)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function findGeneralProfileBySecret(db: Db | Tx, secretHmac: string) {
  return db
    .selectFrom('ws_profiles')
    .select(['id', 'active', 'expiry_minutes', 'single_use', 'limit_to_ip_list'])
    .where('secret_hmac', '=', secretHmac)
    .where('kind', '=', 'general')
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

export async function isOperatorInProfile(db: Db | Tx, profileId: number, operatorId: number): Promise<boolean> {
  const row = await db
    .selectFrom('ws_profile_operators')
    .select('profile_id')
    .where('profile_id', '=', profileId)
    .where('operator_id', '=', operatorId)
    .executeTakeFirst();
  return row !== undefined;
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

export async function insertSession(
  db: Db | Tx,
  row: {
    token_hash: string;
    profile_id: number;
    operator_id: number;
    services: number[];
    single_use: boolean;
    created_at: Date;
    expires_at: Date;
    client_ip: string;
  },
): Promise<void> {
  await db.insertInto('ws_sessions').values(row).execute();
}
