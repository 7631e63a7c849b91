import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { authModule } from '../../../src/modules/auth/index.ts';
import { type Access, createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { sha256Hex } from '../../../src/lib/tokens.ts';
import { probeModule } from './probe-module.ts';

const login = (t: TestApp, a: Access, cd_servico: number | string, ip?: string) =>
  mk(t.app, 'WSAutenticacao', { token: a.userToken, password: a.contraSenha, cd_servico }, ip ? { ip } : {});

function assertRefusal(res: { http: number; body: unknown }, code: string) {
  assert.equal(res.http, 200);
  const body = res.body as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), ['Mensagem', 'Num. ERRO', 'status'], JSON.stringify(body));
  assert.equal(body.status, 'ERRO');
  assert.equal(body['Num. ERRO'], code, JSON.stringify(body));
}

describe('WSAutenticacao', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, probeModule] });
  });
  after(async () => t.close());

  test('success: exactly the MK shape, keys ASCII-sorted, expiry from the profile', async () => {
    t.clock.set('2026-11-24T12:00:00-03:00');
    const a = await createAccess(t.db, { expiryMinutes: 90 });
    const res = await login(t, a, 9999);
    assert.equal(res.http, 200);
    assert.deepEqual(Object.keys(res.body), ['Expire', 'LimiteUso', 'ServicosAutorizados', 'Token', 'status']);
    assert.ok(res.raw.startsWith('{"Expire":"24/11/2026 13:30:00","LimiteUso":0,"ServicosAutorizados":[9999],"Token":"'), res.raw);
    assert.match(res.body.Token, /^[0-9a-f]{32}\.\d{6}$/);
    assert.equal(res.body.status, 'OK');
  });

  test('a specific cd_servico is granted alone; 9999 grants every service of the profile', async () => {
    const a = await createAccess(t.db, { services: [6, 7, 17] });
    const one = await login(t, a, 7);
    assert.deepEqual(one.body.ServicosAutorizados, [7]);
    const all = await login(t, a, 9999);
    assert.deepEqual(all.body.ServicosAutorizados, [6, 7, 17]);
  });

  test('single-use profiles answer LimiteUso 1; each authentication returns a new token', async () => {
    const a = await createAccess(t.db, { singleUse: true });
    const first = await login(t, a, 6);
    const second = await login(t, a, 6);
    assert.equal(first.body.LimiteUso, 1);
    assert.notEqual(first.body.Token, second.body.Token);
  });

  test('refusals in the MK error shape', async () => {
    const a = await createAccess(t.db, { services: [6] });
    assertRefusal(await mk(t.app, 'WSAutenticacao', { token: 'no-such-user-token-0000', password: a.contraSenha, cd_servico: 6 }), '007');
    assertRefusal(await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: 'wrong-contra9', cd_servico: 6 }), '007');
    assertRefusal(await login(t, a, 7), '007');
    assertRefusal(await login(t, a, 5), '005');
    assertRefusal(await login(t, a, 'seis'), '005');
    assertRefusal(await mk(t.app, 'WSAutenticacao', { token: a.userToken, cd_servico: 6 }), '006');
    assertRefusal(await login(t, await createAccess(t.db, { active: false }), 9999), '007');
  });

  test('an operator not allowed in the profile, an inactive profile and a refused IP get the wrong-contra-senha answer', async () => {
    const a = await createAccess(t.db);
    const other = await createAccess(t.db);
    const wrong = await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: 'wrong-contra9', cd_servico: 9999 });
    assertRefusal(wrong, '007');
    const notMember = await mk(t.app, 'WSAutenticacao', { token: other.userToken, password: a.contraSenha, cd_servico: 9999 });
    const inactive = await login(t, await createAccess(t.db, { active: false }), 9999);
    const badIp = await login(t, await createAccess(t.db, { limitToIps: ['10.1.2.0/24'] }), 9999, '10.1.3.1');
    for (const res of [notMember, inactive, badIp]) assert.equal(res.raw, wrong.raw);
  });

  test('those refusals count in the failure throttle like a wrong contra-senha', async () => {
    const limited = await createAccess(t.db, { limitToIps: ['10.1.2.0/24'] });
    for (let i = 0; i < 10; i += 1) assertRefusal(await login(t, limited, 9999, '10.7.7.7'), '007');
    assertRefusal(await login(t, await createAccess(t.db), 9999, '10.7.7.7'), '011');
  });

  test('IP list: enforced only when the switch is on; CIDR and IPv6 entries match', async () => {
    const limited = await createAccess(t.db, { limitToIps: ['10.1.2.0/24', '2001:db8::/32'] });
    assertRefusal(await login(t, limited, 9999, '10.1.3.1'), '007');
    assert.equal((await login(t, limited, 9999, '10.1.2.77')).body.status, 'OK');
    assert.equal((await login(t, limited, 9999, '2001:db8::5')).body.status, 'OK');
    const open = await createAccess(t.db);
    await t.db.insertInto('ws_profile_ips').values({ profile_id: open.profileId, cidr: '10.1.2.0/24' }).execute();
    assert.equal((await login(t, open, 9999, '192.168.0.1')).body.status, 'OK');
  });

  test('the token works on a protected call, then stops working when it expires', async () => {
    t.clock.set('2026-11-24T12:00:00-03:00');
    const a = await createAccess(t.db, { expiryMinutes: 30, services: [6] });
    const { Token } = (await login(t, a, 6)).body;
    const ok = await mk(t.app, 'WSMKConsultaDoc', { token: Token });
    assert.deepEqual(ok.body, { Operador: a.operatorLogin, Perfil: a.profileId, status: 'OK' });
    t.clock.advance(29 * 60_000);
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token: Token })).body.status, 'OK');
    t.clock.advance(60_000);
    const expired = await mk(t.app, 'WSMKConsultaDoc', { token: Token });
    assert.equal(expired.body.status, 'ERRO');
    assert.equal(expired.body.CodToken, '001');
  });

  test('a token granted for another service is refused on the probe (cd_servico 6)', async () => {
    const a = await createAccess(t.db, { services: [6, 7] });
    const { Token } = (await login(t, a, 7)).body;
    const res = await mk(t.app, 'WSMKConsultaDoc', { token: Token });
    assert.equal(res.body['Num. ERRO'], '002');
  });

  test('POST with a form body and an empty-body POST with the query string both work', async () => {
    const a = await createAccess(t.db);
    const form = await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: a.contraSenha, cd_servico: 9999 }, { method: 'POST' });
    assert.equal(form.body.status, 'OK');
    const query = new URLSearchParams({ sys: 'MK0', token: a.userToken, password: a.contraSenha, cd_servico: '9999' });
    const res = await t.app.inject({ method: 'POST', url: `/mk/WSAutenticacao.rule?${query}`, payload: '' });
    assert.equal(JSON.parse(res.body).status, 'OK');
  });

  test('concurrent logins (whose session rows are written together) each get their own working session, as stored', async () => {
    t.clock.set('2026-11-24T12:00:00-03:00');
    const a = await createAccess(t.db, { services: [6, 7], expiryMinutes: 45 });
    const single = await createAccess(t.db, { services: [6], singleUse: true });
    const calls = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? login(t, single, 6, `10.0.0.${i}`) : login(t, a, i % 2 ? 7 : 9999, `10.0.0.${i}`)));
    const answers = await Promise.all(calls);
    const tokens = answers.map((r) => {
      assert.equal(r.body.status, 'OK', JSON.stringify(r.body));
      return r.body.Token as string;
    });
    assert.equal(new Set(tokens).size, 40);
    const rows = await t.db
      .selectFrom('ws_sessions')
      .select(['token_hash', 'profile_id', 'operator_id', 'services', 'single_use', 'created_at', 'expires_at', 'client_ip'])
      .where('token_hash', 'in', tokens.map(sha256Hex))
      .execute();
    assert.equal(rows.length, 40);
    const byHash = new Map(rows.map((r) => [r.token_hash, r]));
    tokens.forEach((token, i) => {
      const row = byHash.get(sha256Hex(token));
      const who = i % 4 === 3 ? single : a;
      assert.deepEqual(
        { ...row, created_at: row?.created_at.toISOString(), expires_at: row?.expires_at.toISOString() },
        {
          token_hash: sha256Hex(token),
          profile_id: who.profileId,
          operator_id: who.operatorId,
          services: i % 4 === 3 ? [6] : i % 2 ? [7] : [6, 7],
          single_use: i % 4 === 3,
          created_at: '2026-11-24T15:00:00.000Z',
          expires_at: i % 4 === 3 ? row?.expires_at.toISOString() : '2026-11-24T15:45:00.000Z',
          client_ip: `10.0.0.${i}`,
        },
      );
    });
    const probes = await Promise.all(tokens.map((token, i) => mk(t.app, 'WSMKConsultaDoc', { token }, { ip: `10.0.0.${i}` })));
    probes.forEach((res, i) => {
      if (i % 4 === 1) assert.equal(res.body['Num. ERRO'], '002', 'granted 7 only: the probe (service 6) is out of scope');
      else assert.equal(res.body.Perfil, (i % 4 === 3 ? single : a).profileId, JSON.stringify(res.body));
    });
  });
});
