import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { authModule } from '../../../src/modules/auth/index.ts';
import { type Access, createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { probeModule } from './probe-module.ts';

const login = (t: TestApp, a: Access, password = a.operatorPassword) =>
  mk(t.app, 'WSAutenticacaoOperador', { username: a.operatorLogin, password });

function assertRefusal(res: { http: number; body: Record<string, unknown> }, code: string) {
  assert.equal(res.http, 200);
  assert.deepEqual(Object.keys(res.body), ['Mensagem', 'Num. ERRO', 'status'], JSON.stringify(res.body));
  assert.equal(res.body['Num. ERRO'], code, JSON.stringify(res.body));
}

describe('WSAutenticacaoOperador', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, probeModule] });
    t.clock.set('2026-11-24T12:00:00-03:00');
  });
  after(async () => t.close());

  test('success: operator of a specific profile in force gets a token for the profile services', async () => {
    const a = await createAccess(t.db, { kind: 'specific', expiryMinutes: 15, services: [6, 7] });
    const res = await login(t, a);
    assert.equal(res.http, 200);
    assert.deepEqual(Object.keys(res.body), ['Expire', 'LimiteUso', 'ServicosAutorizados', 'Token', 'status']);
    assert.equal(res.body.Expire, '24/11/2026 12:15:00');
    assert.equal(res.body.LimiteUso, 0);
    assert.deepEqual(res.body.ServicosAutorizados, [6, 7]);
    const call = await mk(t.app, 'WSMKConsultaDoc', { token: res.body.Token });
    assert.deepEqual(call.body, { Operador: a.operatorLogin, Perfil: a.profileId, status: 'OK' });
  });

  test('wrong password and unknown login: the same refusal', async () => {
    const a = await createAccess(t.db, { kind: 'specific' });
    const wrong = await login(t, a, 'not-the-password');
    const unknown = await mk(t.app, 'WSAutenticacaoOperador', { username: 'nobody-here', password: 'whatever1' });
    assertRefusal(wrong, '007');
    assert.deepEqual(unknown.body, wrong.body);
  });

  test('an operator that only belongs to a general profile gets the wrong-password answer (no oracle)', async () => {
    const a = await createAccess(t.db, { kind: 'general' });
    const res = await login(t, a);
    assertRefusal(res, '007');
    assert.deepEqual(res.body, (await login(t, a, 'not-the-password')).body);
  });

  test('outside the date range (before and after) is refused; the bounds are inclusive', async () => {
    const a = await createAccess(t.db, { kind: 'specific', startsOn: '2026-11-24', endsOn: '2026-11-30' });
    assert.equal((await login(t, a)).body.status, 'OK');
    t.clock.set('2026-11-23T23:59:00-03:00');
    assertRefusal(await login(t, a), '007');
    t.clock.set('2026-11-30T23:59:00-03:00');
    assert.equal((await login(t, a)).body.status, 'OK');
    t.clock.set('2026-12-01T00:01:00-03:00');
    assertRefusal(await login(t, a), '007');
    t.clock.set('2026-11-24T12:00:00-03:00');
  });

  test('an inactive specific profile is refused', async () => {
    assertRefusal(await login(t, await createAccess(t.db, { kind: 'specific', active: false })), '007');
  });

  test('an inactive operator is refused', async () => {
    const a = await createAccess(t.db, { kind: 'specific' });
    await t.db.updateTable('operators').set({ active: false }).where('id', '=', a.operatorId).execute();
    assertRefusal(await login(t, a), '007');
  });

  test('10 refused passwords for one login, from any number of IPs, block that login (011) for 15 minutes', async () => {
    t.clock.set('2026-11-25T12:00:00-03:00');
    const a = await createAccess(t.db, { kind: 'specific' });
    const from = (ip: string, password = a.operatorPassword) =>
      mk(t.app, 'WSAutenticacaoOperador', { username: a.operatorLogin, password }, { ip });
    for (let i = 0; i < 10; i += 1) assertRefusal(await from(`198.51.100.${i + 1}`, `wrong-${i}x`), '007');
    assertRefusal(await from('192.0.2.50'), '011');
    const other = await createAccess(t.db, { kind: 'specific' });
    assert.equal((await mk(t.app, 'WSAutenticacaoOperador', { username: other.operatorLogin, password: other.operatorPassword }, { ip: '192.0.2.50' })).body.status, 'OK');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'login_failed')
      .where('entity', '=', 'ws_operator_login')
      .execute();
    assert.ok(audit.filter((r) => (r.details as { login: string }).login === a.operatorLogin.toLowerCase()).length === 10);
    assert.ok(!JSON.stringify(audit).includes('wrong-0x'));
    t.clock.advance(15 * 60_000 + 1000);
    assert.equal((await from('192.0.2.50')).body.status, 'OK');
    t.clock.set('2026-11-24T12:00:00-03:00');
  });
});
