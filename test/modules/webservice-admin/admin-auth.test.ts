import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { sha256Hex } from '../../../src/lib/tokens.ts';
import { adminCall, type AdminUser, createOperatorRow, type Json, loginAs } from './admin-client.ts';

describe('admin API: login, cookie session, CSRF, bearer', () => {
  let t: TestApp;
  let admin: AdminUser;
  before(async () => {
    t = await buildTestApp();
    admin = await createOperatorRow(t.db);
  });
  after(async () => t.close());

  test('login sets an HttpOnly SameSite=Strict cookie and returns a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/admin/api/login', payload: { login: admin.login, password: admin.password } });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'provedor_admin');
    assert.ok(cookie);
    assert.equal(cookie.secure, undefined, 'PUBLIC_URL is http: no Secure flag');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/admin');
    const body = JSON.parse(res.body);
    assert.match(body.csrfToken, /^[0-9a-f]{64}$/);
    assert.equal(body.operator.login, admin.login);
    const stored = await t.db.selectFrom('admin_sessions').select(['token_hash', 'csrf_token_hash']).execute();
    assert.ok(stored.every((s) => s.token_hash !== cookie.value && s.csrf_token_hash !== body.csrfToken));
  });

  test('wrong password, unknown login and a non-admin with the right password get one identical answer', async () => {
    const wrong = await adminCall(t.app, 'POST', '/login', null, { login: admin.login, password: 'nope-nope-1' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(Object.keys(wrong.body).sort(), ['error', 'message']);
    const unknown = await adminCall(t.app, 'POST', '/login', null, { login: 'ghost', password: 'nope-nope-1' });
    const plain = await createOperatorRow(t.db, { isAdmin: false });
    const nonAdmin = await adminCall(t.app, 'POST', '/login', null, { login: plain.login, password: plain.password });
    for (const res of [unknown, nonAdmin]) {
      assert.equal(res.status, wrong.status);
      assert.deepEqual(res.body, wrong.body);
    }
    assert.equal(nonAdmin.headers['set-cookie'], undefined);
    assert.equal((await adminCall(t.app, 'POST', '/login', null, { login: admin.login })).status, 400);
  });

  test('every refused login is in the audit log with the typed login, the IP and the reason; never the password', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'login_failed')
      .where('entity', '=', 'admin_session')
      .execute();
    const reasons = rows.map((r) => (r.details as { reason: string }).reason).sort();
    assert.deepEqual(reasons, ['not_admin', 'unknown_login', 'wrong_password']);
    const wrong = rows.find((r) => (r.details as { reason: string }).reason === 'wrong_password')!;
    assert.deepEqual(wrong.details, { login: admin.login.toLowerCase(), ip: '127.0.0.1', reason: 'wrong_password' });
    assert.equal(wrong.actor, 'anonymous');
    assert.ok(!JSON.stringify(rows).includes('nope-nope-1'));
  });

  test('login accepts only application/json (no login CSRF through a form)', async () => {
    const json = JSON.stringify({ login: admin.login, password: admin.password });
    for (const [type, payload] of [
      ['text/plain', json],
      ['application/x-www-form-urlencoded', `login=${admin.login}&password=${admin.password}`],
      ['multipart/form-data; boundary=x', `--x\r\ncontent-disposition: form-data; name="login"\r\n\r\n${admin.login}\r\n--x--`],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/admin/api/login', headers: { 'content-type': type }, payload });
      assert.equal(res.statusCode, 415, type);
      assert.equal(res.headers['set-cookie'], undefined);
    }
    const ok = await t.app.inject({ method: 'POST', url: '/admin/api/login', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: json });
    assert.equal(ok.statusCode, 200);
  });

  test('no session: 401 on reads and writes', async () => {
    assert.equal((await adminCall(t.app, 'GET', '/profiles', null)).status, 401);
    assert.equal((await adminCall(t.app, 'POST', '/operators', null, { login: 'x1', name: 'x' })).status, 401);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { cookie: 'f'.repeat(64), csrf: '' })).status, 401);
  });

  test('cookie session: reads need no CSRF token; writes need the matching X-CSRF-Token', async () => {
    const s = await loginAs(t.app, admin);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { cookie: s.cookie, csrf: '' })).status, 200);
    const body = { login: `csrf${process.pid}`, name: 'Sem CSRF' };
    assert.equal((await adminCall(t.app, 'POST', '/operators', { cookie: s.cookie, csrf: '' }, body)).status, 403);
    assert.equal((await adminCall(t.app, 'POST', '/operators', { cookie: s.cookie, csrf: 'a'.repeat(64) }, body)).status, 403);
    const other = await loginAs(t.app, admin);
    assert.equal((await adminCall(t.app, 'POST', '/operators', { cookie: s.cookie, csrf: other.csrf }, body)).status, 403);
    assert.equal((await adminCall(t.app, 'POST', '/operators', s, body)).status, 201);
  });

  test('GET /session gives back the same CSRF token (page reload)', async () => {
    const s = await loginAs(t.app, admin);
    const res = await adminCall(t.app, 'GET', '/session', { cookie: s.cookie, csrf: '' });
    assert.equal(res.body.csrfToken, s.csrf);
    assert.equal(res.body.via, 'cookie');
  });

  test('bearer admin API key: CSRF-immune; refused for non-admins and garbage', async () => {
    const res = await adminCall(t.app, 'POST', '/operators', { bearer: admin.adminKey }, { login: `bearer${process.pid}`, name: 'Via script' });
    assert.equal(res.status, 201);
    const plain = await createOperatorRow(t.db, { isAdmin: false });
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { bearer: plain.adminKey })).status, 403);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { bearer: 'x'.repeat(40) })).status, 401);
  });

  test("an admin's webservice token (the one MK clients put in URLs) no longer opens the admin API", async () => {
    const res = await adminCall(t.app, 'GET', '/profiles', { bearer: admin.apiToken });
    assert.equal(res.status, 401);
    assert.equal((await adminCall(t.app, 'POST', '/operators', { bearer: admin.apiToken }, { login: `ws${process.pid}`, name: 'x' })).status, 401);
  });

  test('API keys: created by an admin (shown once, stored hashed), listed without the key, revoked at once', async () => {
    const s = await loginAs(t.app, admin);
    const created = await adminCall(t.app, 'POST', '/api-keys', s, { description: 'Script de backup' });
    assert.equal(created.status, 201);
    const key: string = created.body.key;
    assert.match(key, /^pvadm_[A-Za-z0-9_-]{43}$/);
    assert.equal(created.body.apiKey.operator, admin.login);
    assert.equal(created.body.apiKey.prefix, key.slice(0, 10));
    const stored = await t.db.selectFrom('admin_api_keys').selectAll().where('id', '=', created.body.apiKey.id).executeTakeFirstOrThrow();
    assert.equal(stored.key_hash, sha256Hex(key));
    assert.ok(!JSON.stringify(stored).includes(key));

    const viaKey = await adminCall(t.app, 'GET', '/session', { bearer: key });
    assert.equal(viaKey.status, 200);
    assert.equal(viaKey.body.operator.login, admin.login);
    assert.equal(viaKey.body.via, 'bearer');
    const list = await adminCall(t.app, 'GET', '/api-keys', { bearer: key });
    assert.ok(!JSON.stringify(list.body).includes(key));
    const listed = list.body.items.find((k: Json) => k.id === created.body.apiKey.id);
    assert.equal(listed.description, 'Script de backup');
    assert.ok(listed.lastUsedAt);

    assert.equal((await adminCall(t.app, 'POST', `/api-keys/${listed.id}/revoke`, { cookie: s.cookie, csrf: '' })).status, 403);
    const revoked = await adminCall(t.app, 'POST', `/api-keys/${listed.id}/revoke`, s);
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.revokedBy, admin.login);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { bearer: key })).status, 401);
    assert.equal((await adminCall(t.app, 'POST', `/api-keys/${listed.id}/revoke`, s)).status, 409);
    assert.equal((await adminCall(t.app, 'POST', '/api-keys/999999/revoke', s)).status, 404);
    assert.equal((await adminCall(t.app, 'POST', '/api-keys', s, { description: '' })).status, 400);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'admin_api_key').where('entity_id', '=', String(listed.id)).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['create', 'revoke']);
  });

  test("a deactivated admin's keys stop working", async () => {
    const other = await createOperatorRow(t.db);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { bearer: other.adminKey })).status, 200);
    assert.equal((await adminCall(t.app, 'POST', `/operators/${other.id}/deactivate`, { bearer: admin.adminKey })).status, 200);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { bearer: other.adminKey })).status, 401);
  });

  test('logout ends the session; the session also expires with the clock', async () => {
    const s = await loginAs(t.app, admin);
    assert.equal((await adminCall(t.app, 'POST', '/logout', { cookie: s.cookie, csrf: '' })).status, 403);
    assert.equal((await adminCall(t.app, 'POST', '/logout', s)).status, 204);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', s)).status, 401);
    const later = await loginAs(t.app, admin);
    t.clock.advance(8 * 3_600_000 - 1000);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', later)).status, 200);
    t.clock.advance(2000);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', later)).status, 401);
  });

  test('login and logout leave audit rows', async () => {
    const rows = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'admin_session').execute();
    assert.ok(rows.some((r) => r.action === 'login' && r.actor === `operator:${admin.login}`));
    assert.ok(rows.some((r) => r.action === 'logout'));
  });
});

describe('admin login throttle', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => t.close());

  const attempt = (login: string, password: string, ip = '203.0.113.1') =>
    t.app.inject({ method: 'POST', url: '/admin/api/login', payload: { login, password }, remoteAddress: ip });

  test('10 refusals for one login block it (even the right password) from any IP until the window passes', async () => {
    const admin = await createOperatorRow(t.db);
    for (let i = 0; i < 10; i += 1) assert.equal((await attempt(admin.login.toUpperCase(), `wrong-${i}9`, `198.51.100.${i}`)).statusCode, 401);
    const blocked = await attempt(admin.login, admin.password, '192.0.2.77');
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.headers['set-cookie'], undefined);
    t.clock.advance(15 * 60_000 + 1000);
    assert.equal((await attempt(admin.login, admin.password, '192.0.2.77')).statusCode, 200);
  });

  test('a non-admin right password counts as a refusal too (no oracle, no bypass)', async () => {
    const plain = await createOperatorRow(t.db, { isAdmin: false });
    for (let i = 0; i < 10; i += 1) assert.equal((await attempt(plain.login, plain.password, '198.51.100.200')).statusCode, 401);
    assert.equal((await attempt(plain.login, plain.password, '198.51.100.201')).statusCode, 429);
  });

  test('admin login and WSAutenticacaoOperador share the per-login count: guesses split between them are bounded', async () => {
    t.clock.advance(16 * 60_000);
    const admin = await createOperatorRow(t.db);
    for (let i = 0; i < 5; i += 1) assert.equal((await attempt(admin.login, `wrong-${i}9`, `198.51.100.${50 + i}`)).statusCode, 401);
    for (let i = 0; i < 5; i += 1) {
      const res = await mk(t.app, 'WSAutenticacaoOperador', { username: admin.login, password: `wrong-${i}8` }, { ip: `198.51.100.${60 + i}` });
      assert.equal(res.body['Num. ERRO'], '007');
    }
    assert.equal((await attempt(admin.login, admin.password, '198.51.100.70')).statusCode, 429);
    const ws = await mk(t.app, 'WSAutenticacaoOperador', { username: admin.login, password: admin.password }, { ip: '198.51.100.71' });
    assert.equal(ws.body['Num. ERRO'], '011');
  });

  test('30 refusals from one IP block that IP for every login; other IPs are unaffected', async () => {
    t.clock.advance(16 * 60_000);
    const admin = await createOperatorRow(t.db);
    for (let i = 0; i < 30; i += 1) assert.equal((await attempt(`ghost${i}`, 'nope-nope-1', '203.0.113.9')).statusCode, 401);
    assert.equal((await attempt(admin.login, admin.password, '203.0.113.9')).statusCode, 429);
    assert.equal((await attempt(admin.login, admin.password, '203.0.113.10')).statusCode, 200);
  });
});

describe('admin cookie behind https', () => {
  test('PUBLIC_URL https: the session cookie is Secure', async () => {
    const t = await buildTestApp({ config: { publicUrl: 'https://provedor.example' } });
    try {
      const admin = await createOperatorRow(t.db);
      const res = await t.app.inject({ method: 'POST', url: '/admin/api/login', payload: { login: admin.login, password: admin.password } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.cookies.find((c) => c.name === 'provedor_admin')?.secure, true);
    } finally {
      await t.close();
    }
  });
});
