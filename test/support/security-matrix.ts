import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import type { EndpointDefinition } from '../../src/http/endpoint.ts';
import { ALL_SERVICES } from '../../src/http/endpoint.ts';
import { createAccess, createSession } from './access.ts';

export interface MatrixCase {
  name: string;
  /** Builds the token (and the profile state) for the case; undefined = no token sent. */
  token: (db: Db, def: EndpointDefinition, now: Date) => Promise<string | undefined>;
  code: string;
}

const otherService = (def: EndpointDefinition) => (def.service === 1 ? 6 : 1);

/** The refusals every protected route must give, whatever it does with valid callers. */
export const MATRIX_CASES: MatrixCase[] = [
  { name: 'no token', code: '001', token: async () => undefined },
  { name: 'garbage token', code: '001', token: async () => 'not-a-token-at-all-0000' },
  {
    name: 'expired token',
    code: '001',
    token: async (db, _def, now) =>
      createSession(db, await createAccess(db), { now, expiresAt: new Date(now.getTime() - 1000) }),
  },
  {
    name: 'consumed single-use token',
    code: '001',
    token: async (db, _def, now) =>
      createSession(db, await createAccess(db, { singleUse: true }), { now, singleUse: true, usedAt: now }),
  },
  {
    name: 'caller IP outside the profile list',
    code: '002',
    token: async (db, _def, now) => createSession(db, await createAccess(db, { limitToIps: ['10.9.9.0/24'] }), { now }),
  },
  {
    name: 'service not granted to the token',
    code: '002',
    token: async (db, def, now) => createSession(db, await createAccess(db), { now, services: [otherService(def)] }),
  },
  {
    name: 'inactive profile',
    code: '002',
    token: async (db, _def, now) => createSession(db, await createAccess(db, { active: false }), { now }),
  },
];

export async function callWithToken(app: FastifyInstance, def: EndpointDefinition, token: string | undefined) {
  const query = new URLSearchParams(def.surface === 'mk' ? { sys: 'MK0' } : {});
  if (token !== undefined) query.set('token', token);
  const res = await app.inject({ method: def.methods[0]!, url: `${def.url}?${query}`, remoteAddress: '127.0.0.1' });
  return { http: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
}

/** A token refusal: the 4-key MK token envelope and nothing else. */
export function assertTokenRefusal(res: { http: number; body: Record<string, unknown> }, def: EndpointDefinition, code: string) {
  assert.deepEqual(Object.keys(res.body).sort(), ['CodToken', 'Mensagem', 'Num. ERRO', 'status'], `${def.id}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.status, 'ERRO');
  assert.equal(res.body['Num. ERRO'], code, `${def.id}: ${JSON.stringify(res.body)}`);
  if (def.surface === 'mk') assert.equal(res.http, 200);
  else assert.ok(res.http === 401 || res.http === 403, `${def.id}: HTTP ${res.http}`);
}

export const requiresAllServices = (def: EndpointDefinition) => def.service === ALL_SERVICES;
