import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/db/database.ts';
import { hashPassword } from '../../../src/lib/password.ts';
import { newApiToken, sha256Hex } from '../../../src/lib/tokens.ts';
import { newAdminApiKey } from '../../../src/modules/webservice-admin/api-keys.service.ts';

let counter = 0;

export interface AdminUser {
  id: number;
  login: string;
  password: string;
  /** The operator's webservice token (WSAutenticacao), never an admin credential. */
  apiToken: string;
  /** An admin API key acting as this operator (the bearer credential of /admin/api). */
  adminKey: string;
}

/** An operator straight in the database (admin unless told otherwise). */
export async function createOperatorRow(db: Db, o: { isAdmin?: boolean } = {}): Promise<AdminUser> {
  counter += 1;
  const login = `adm${process.pid}x${counter}`;
  const password = `senha-adm-${counter}9`;
  const apiToken = newApiToken();
  const row = await db
    .insertInto('operators')
    .values({ login, name: `Admin ${counter}`, password_hash: await hashPassword(password), api_token_hash: sha256Hex(apiToken), is_admin: o.isAdmin ?? true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const adminKey = newAdminApiKey();
  await db
    .insertInto('admin_api_keys')
    .values({ operator_id: row.id, description: `chave de ${login}`, key_hash: sha256Hex(adminKey), key_prefix: adminKey.slice(0, 10) })
    .execute();
  return { id: row.id, login, password, apiToken, adminKey };
}

export type Auth = { cookie: string; csrf: string } | { bearer: string } | null;

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies by key
export type Json = any;

export async function adminCall(app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, auth: Auth, body?: unknown) {
  const headers: Record<string, string> = {};
  if (auth && 'cookie' in auth) {
    headers.cookie = `provedor_admin=${auth.cookie}`;
    if (auth.csrf) headers['x-csrf-token'] = auth.csrf;
  }
  if (auth && 'bearer' in auth) headers.authorization = `Bearer ${auth.bearer}`;
  const res = await app.inject({ method, url: `/admin/api${path}`, headers, ...(body !== undefined ? { payload: body as object } : {}) });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as Json, headers: res.headers };
}

/** Logs in through the API; returns the cookie value and the CSRF token. */
export async function loginAs(app: FastifyInstance, user: { login: string; password: string }) {
  const res = await app.inject({ method: 'POST', url: '/admin/api/login', payload: { login: user.login, password: user.password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'provedor_admin');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: cookie.value, csrf: JSON.parse(res.body).csrfToken as string };
}
