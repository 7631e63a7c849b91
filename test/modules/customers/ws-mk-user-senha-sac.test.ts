import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { purgeSacLoginFailures } from '../../../src/modules/customers/sac-throttle.ts';
import { createAccess, createSession, tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCustomer, createWorld, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKUserSenhaSAC (cd_servico 4)', () => {
  let t: TestApp;
  let token: string;
  let customer: { id: number; name: string };
  let w: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db, { services: [4] });
    w = await createWorld(t.db);
    customer = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, name: 'MARIA SAC', sacLogin: 'maria.sac', sacPassword: 'Senha123' });
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, sacLogin: 'sem.senha' });
  });
  after(async () => t.close());

  test('right login and password → CodigoPessoa, Nome, AcessoSAC; login case-insensitive; POST too', async () => {
    const res = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'maria.sac', pass_sac: 'Senha123' });
    assert.deepEqual(res.body, { AcessoSAC: 'Liberado', CodigoPessoa: customer.id, Nome: 'MARIA SAC', status: 'OK' });
    const upper = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'MARIA.SAC', pass_sac: 'Senha123' }, { method: 'POST' });
    assert.equal(upper.body.CodigoPessoa, customer.id);
  });

  test('wrong password, unknown login and a login without password give the same 007 refusal', async () => {
    const bodies = [];
    for (const [user_sac, pass_sac] of [['maria.sac', 'senha123'], ['ninguem', 'Senha123'], ['sem.senha', 'qualquer']]) {
      const res = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac, pass_sac });
      assert.equal(res.http, 200);
      bodies.push(res.body);
    }
    for (const b of bodies) assert.deepEqual(b, bodies[0]);
    assert.equal(bodies[0]['Num. ERRO'], '007');
    assert.deepEqual(Object.keys(bodies[0]), ['Mensagem', 'Num. ERRO', 'status']);
  });

  test('missing parameters → 006; the password never reaches the activity log', async () => {
    assert.equal((await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'maria.sac' })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKUserSenhaSAC', { token, pass_sac: 'x' })).body['Num. ERRO'], '006');
    await t.app.flushActivityLog();
    const rows = await t.db.selectFrom('activity_log').select('query').where('endpoint_id', '=', 'WSMKUserSenhaSAC').execute();
    assert.ok(rows.length >= 2, 'both refused calls are in the activity log');
    for (const r of rows) assert.ok(!String(r.query).includes('Senha123'), String(r.query));
  });

  const sacUser = (login: string) =>
    createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, sacLogin: login, sacPassword: 'Certa123' });
  const login = (tk: string, user_sac: string, pass_sac: string, ip = '10.0.0.1') => mk(t.app, 'WSMKUserSenhaSAC', { token: tk, user_sac, pass_sac }, { ip });

  test('one app, one IP, many customers: 30 wrong passwords over 15 logins do not lock the others out', async () => {
    const tk = await tokenFor(t.db, { services: [4], now: t.clock.now() });
    for (let i = 0; i < 15; i++) {
      for (let k = 0; k < 2; k++) assert.equal((await login(tk, `errou${i}`, 'Errada999')).body['Num. ERRO'], '007');
    }
    const other = await sacUser('acerta.app');
    assert.equal((await login(tk, 'acerta.app', 'Certa123')).body.CodigoPessoa, other.id);
  });

  test('one SAC login: from the 5th wrong password on it is locked (1, 2, 4 … min), from any IP, even for the right password', async () => {
    const tk = await tokenFor(t.db, { services: [4], now: t.clock.now() });
    const c = await sacUser('alvo.sac');
    for (let i = 1; i <= 5; i++) assert.equal((await login(tk, 'alvo.sac', `chute${i}`, `203.0.113.${i}`)).body['Num. ERRO'], '007');
    const locked = await login(tk, 'ALVO.SAC', 'Certa123', '198.51.100.7');
    assert.deepEqual(locked.body, {
      Mensagem: 'Usuário do SAC bloqueado após senhas erradas. Tente novamente em 1 minuto(s).',
      'Num. ERRO': '011',
      status: 'ERRO',
    });
    t.clock.advance(61_000);
    assert.equal((await login(tk, 'alvo.sac', 'chute6')).body['Num. ERRO'], '007');
    assert.match((await login(tk, 'alvo.sac', 'Certa123')).body.Mensagem, /em 2 minuto\(s\)/);
    t.clock.advance(121_000);
    assert.equal((await login(tk, 'alvo.sac', 'Certa123')).body.CodigoPessoa, c.id);
    // A right password clears the count: four wrong ones are free again.
    for (let i = 0; i < 4; i++) assert.equal((await login(tk, 'alvo.sac', 'errada')).body['Num. ERRO'], '007');
    assert.equal((await login(tk, 'alvo.sac', 'Certa123')).body.CodigoPessoa, c.id);
  });

  test('one integration: after 100 wrong passwords in 15 min every login of that profile gets 011; other profiles do not', async () => {
    const access = await createAccess(t.db, { services: [4] });
    const tk = await createSession(t.db, access, { services: [4], now: t.clock.now() });
    const other = await tokenFor(t.db, { services: [4], now: t.clock.now() });
    const c = await sacUser('cliente.perfil');
    // 98 earlier failures of this profile in the current window; two real ones make 100.
    await t.db
      .insertInto('sac_login_failures')
      .values({ scope: 'profile', key: String(access.profileId), failures: 98, window_started_at: t.clock.now(), last_failure_at: t.clock.now() })
      .execute();
    assert.equal((await login(tk, 'varre1', 'x1')).body['Num. ERRO'], '007');
    assert.equal((await login(tk, 'varre2', 'x2')).body['Num. ERRO'], '007');
    const blocked = await login(tk, 'cliente.perfil', 'Certa123');
    assert.deepEqual(blocked.body, {
      Mensagem: 'Limite de senhas erradas desta integração excedido. Tente novamente mais tarde.',
      'Num. ERRO': '011',
      status: 'ERRO',
    });
    assert.equal((await login(other, 'cliente.perfil', 'Certa123')).body.CodigoPessoa, c.id);
    t.clock.advance(15 * 60_000 + 1000);
    assert.equal((await login(tk, 'cliente.perfil', 'Certa123')).body.CodigoPessoa, c.id);
  });

  test('retention: counts older than a day that lock nothing are deleted', async () => {
    const now = t.clock.now();
    const old = new Date(now.getTime() - 25 * 3_600_000);
    await t.db
      .insertInto('sac_login_failures')
      .values([
        { scope: 'login', key: 'antigo', failures: 3, window_started_at: old, last_failure_at: old },
        { scope: 'login', key: 'recente', failures: 3, window_started_at: now, last_failure_at: now },
      ])
      .execute();
    assert.ok((await purgeSacLoginFailures(t.db, now)) >= 1);
    const keys = (await t.db.selectFrom('sac_login_failures').select('key').where('key', 'in', ['antigo', 'recente']).execute()).map((r) => r.key);
    assert.deepEqual(keys, ['recente']);
  });
});
