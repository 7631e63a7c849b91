import type { Db } from '../../src/db/database.ts';
import { hashPassword } from '../../src/lib/password.ts';
import { newSessionToken, sha256Hex } from '../../src/lib/tokens.ts';
import { contraSenhaHash } from '../../src/modules/auth/contra-senha-lookup.ts';
import { TEST_SECRET } from './build-test-app.ts';

let counter = 0;

export interface AccessOptions {
  services?: number[];
  singleUse?: boolean;
  expiryMinutes?: number;
  active?: boolean;
  limitToIps?: string[];
  kind?: 'general' | 'specific';
  startsOn?: string;
  endsOn?: string;
}

export interface Access {
  operatorId: number;
  operatorLogin: string;
  operatorPassword: string;
  userToken: string;
  profileId: number;
  contraSenha: string;
}

/** An operator with a personal token, and a profile that allows it, built straight in the database. */
export async function createAccess(db: Db, o: AccessOptions = {}): Promise<Access> {
  counter += 1;
  const tag = `${process.pid}x${counter}`;
  const userToken = `user-token-${tag}-${'f'.repeat(16)}`;
  const contraSenha = `contra${tag}9`;
  const operatorPassword = `senha-${tag}`;
  const operator = await db
    .insertInto('operators')
    .values({
      login: `op${tag}`,
      name: `Operador ${tag}`,
      password_hash: await hashPassword(operatorPassword),
      api_token_hash: sha256Hex(userToken),
    })
    .returning(['id', 'login'])
    .executeTakeFirstOrThrow();
  const kind = o.kind ?? 'general';
  const profile = await db
    .insertInto('ws_profiles')
    .values({
      kind,
      description: `Perfil ${tag}`,
      active: o.active ?? true,
      expiry_minutes: o.expiryMinutes ?? 60,
      single_use: o.singleUse ?? false,
      secret_hmac: kind === 'general' ? contraSenhaHash({ secretKey: TEST_SECRET }, contraSenha) : null,
      starts_on: kind === 'specific' ? (o.startsOn ?? '2026-01-01') : null,
      ends_on: kind === 'specific' ? (o.endsOn ?? '2026-12-31') : null,
      limit_to_ip_list: o.limitToIps !== undefined,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('ws_profile_operators').values({ profile_id: profile.id, operator_id: operator.id }).execute();
  for (const code of o.services ?? [9999]) {
    await db.insertInto('ws_profile_services').values({ profile_id: profile.id, service_code: code }).execute();
  }
  for (const cidr of o.limitToIps ?? []) {
    await db.insertInto('ws_profile_ips').values({ profile_id: profile.id, cidr }).execute();
  }
  return { operatorId: operator.id, operatorLogin: operator.login, operatorPassword, userToken, profileId: profile.id, contraSenha };
}

/** A session token inserted directly (no HTTP), in any state the security matrix needs. */
export async function createSession(
  db: Db,
  access: Access,
  o: { services?: number[]; expiresAt?: Date; singleUse?: boolean; usedAt?: Date | null; now?: Date } = {},
): Promise<string> {
  const token = newSessionToken();
  const now = o.now ?? new Date('2026-11-24T15:00:00Z');
  await db
    .insertInto('ws_sessions')
    .values({
      token_hash: sha256Hex(token),
      profile_id: access.profileId,
      operator_id: access.operatorId,
      services: o.services ?? [9999],
      single_use: o.singleUse ?? false,
      used_at: o.usedAt ?? null,
      created_at: new Date(now.getTime() - 60_000),
      expires_at: o.expiresAt ?? new Date(now.getTime() + 3_600_000),
      client_ip: '127.0.0.1',
    })
    .execute();
  return token;
}

/** Shortcut: a fresh all-services access and a valid session token for it. */
export async function tokenFor(db: Db, o: AccessOptions & { now?: Date } = {}): Promise<string> {
  const access = await createAccess(db, o);
  return createSession(db, access, { services: o.services ?? [9999], ...(o.now ? { now: o.now } : {}) });
}
