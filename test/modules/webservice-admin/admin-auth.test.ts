import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { adminCall, type AdminUser, createOperatorRow, loginAs } from './admin-client.ts';

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
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/admin');
    const body = JSON.parse(res.body);
    assert.match(body.csrfToken, /^[0-9a-f]{64}$/);
    assert.equal(body.operator.login, admin.login);
    const stored = await t.db.selectFrom('admin_sessions').select(['token_hash', 'csrf_token_hash']).execute();
    assert.ok(stored.every((s) => s.token_hash !== cookie.value && s.csrf_token_hash !== body.csrfToken));
  });

  test('wrong password, unknown login and non-admin operators cannot log in', async () => {
    const wrong = await adminCall(t.app, 'POST', '/login', null, { login: admin.login, password: 'nope-nope-1' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(Object.keys(wrong.body).sort(), ['error', 'message']);
    const unknown = await adminCall(t.app, 'POST', '/login', null, { login: 'ghost', password: 'nope-nope-1' });
    assert.equal(unknown.status, 401);
    const plain = await createOperatorRow(t.db, { isAdmin: false });
    assert.equal((await adminCall(t.app, 'POST', '/login', null, { login: plain.login, password: plain.password })).status, 403);
    assert.equal((await adminCall(t.app, 'POST', '/login', null, { login: admin.login })).status, 400);
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

  test('bearer operator API token: CSRF-immune; refused for non-admins and garbage', async () => {
    const res = await adminCall(t.app, 'POST', '/operators', { bearer: admin.apiToken }, { login: `bearer${process.pid}`, name: 'Via script' });
    assert.equal(res.status, 201);
    const plain = await createOperatorRow(t.db, { isAdmin: false });
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { bearer: plain.apiToken })).status, 403);
    assert.equal((await adminCall(t.app, 'GET', '/profiles', { bearer: 'x'.repeat(40) })).status, 401);
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
