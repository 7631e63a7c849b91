import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loginCacheOf, sessionCacheOf } from '../../../src/modules/auth/auth-cache.ts';
import { sha256Hex } from '../../../src/lib/tokens.ts';
import { contraSenhaHash } from '../../../src/modules/auth/contra-senha-lookup.ts';
import { type Access, createAccess, createSession, tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';

describe('auth caches', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => t.close());

  const call = (token: string) => mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725' });
  // Embedded, the NOTIFY is delivered before the changing query returns; on PostgreSQL it reaches
  // the listener connection a few milliseconds after the commit.
  async function soon(check: () => boolean | Promise<boolean>): Promise<boolean> {
    const deadline = Date.now() + 2_000;
    while (!(await check())) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  test('a resolved session is cached; deleting it in the database empties the cache (at once embedded, within ms on PostgreSQL) and the token is refused', async () => {
    const token = await tokenFor(t.db);
    assert.notEqual((await call(token)).body['Num. ERRO'], '001');
    assert.ok(sessionCacheOf(t.db)?.get(sha256Hex(token)), 'the session is in the cache after a call');
    await t.db.deleteFrom('ws_sessions').where('token_hash', '=', sha256Hex(token)).execute();
    assert.ok(await soon(() => sessionCacheOf(t.db)?.get(sha256Hex(token)) === undefined), 'the trigger NOTIFY emptied the cache');
    assert.equal((await call(token)).body['Num. ERRO'], '001');
  });

  test('deactivating the profile or the operator, or changing its IP list, takes effect on the next call', async () => {
    for (const change of ['profile', 'operator', 'ips'] as const) {
      const access = await createAccess(t.db);
      const token = await createSession(t.db, access, { services: [9999] });
      assert.notEqual((await call(token)).body['Num. ERRO'], '001');
      if (change === 'profile') await t.db.updateTable('ws_profiles').set({ active: false }).where('id', '=', access.profileId).execute();
      if (change === 'operator') await t.db.updateTable('operators').set({ active: false }).where('id', '=', access.operatorId).execute();
      if (change === 'ips') {
        await t.db.updateTable('ws_profiles').set({ limit_to_ip_list: true }).where('id', '=', access.profileId).execute();
        await t.db.insertInto('ws_profile_ips').values({ profile_id: access.profileId, cidr: '10.9.9.9/32' }).execute();
      }
      assert.ok(await soon(async () => (await call(token)).body.status === 'ERRO'), `${change}: refused after the change`);
    }
  });

  test('single-use sessions are never cached', async () => {
    const access = await createAccess(t.db, { singleUse: true });
    const token = await createSession(t.db, access, { services: [9999], singleUse: true });
    await call(token);
    assert.equal(sessionCacheOf(t.db)?.get(sha256Hex(token)), undefined);
  });

  const login = (a: Access, cd_servico: number, contraSenha = a.contraSenha) =>
    mk(t.app, 'WSAutenticacao', { token: a.userToken, password: contraSenha, cd_servico });
  const loginKey = (a: Access, contraSenha = a.contraSenha) => `${sha256Hex(a.userToken)}:${contraSenhaHash(t.config, contraSenha)}`;

  test('WSAutenticacao caches a successful look-up, never a refusal', async () => {
    const a = await createAccess(t.db, { services: [6] });
    assert.equal((await login(a, 6)).body.status, 'OK');
    assert.equal(loginCacheOf(t.db)?.get(loginKey(a))?.operator_id, a.operatorId);
    assert.equal((await login(a, 6, 'wrong-contra9')).body['Num. ERRO'], '007');
    assert.equal(loginCacheOf(t.db)?.get(loginKey(a, 'wrong-contra9')), undefined);
    const inactive = await createAccess(t.db, { services: [6] });
    await t.db.updateTable('ws_profiles').set({ active: false }).where('id', '=', inactive.profileId).execute();
    assert.equal((await login(inactive, 6)).body['Num. ERRO'], '007');
    assert.equal(loginCacheOf(t.db)?.get(loginKey(inactive)), undefined);
  });

  test("changing the profile's services, deactivating it or its operator, or removing the operator from it takes effect on the next WSAutenticacao", async () => {
    const a = await createAccess(t.db, { services: [6, 7] });
    assert.deepEqual((await login(a, 9999)).body.ServicosAutorizados, [6, 7]);
    await t.db.deleteFrom('ws_profile_services').where('profile_id', '=', a.profileId).where('service_code', '=', 7).execute();
    assert.ok(await soon(async () => JSON.stringify((await login(a, 9999)).body.ServicosAutorizados) === '[6]'), 'services: the removed one is no longer granted');
    const changes: Record<string, (b: Access) => Promise<unknown>> = {
      profile: (b) => t.db.updateTable('ws_profiles').set({ active: false }).where('id', '=', b.profileId).execute(),
      operator: (b) => t.db.updateTable('operators').set({ active: false }).where('id', '=', b.operatorId).execute(),
      membership: (b) => t.db.deleteFrom('ws_profile_operators').where('profile_id', '=', b.profileId).execute(),
    };
    for (const [name, change] of Object.entries(changes)) {
      const b = await createAccess(t.db, { services: [6] });
      assert.equal((await login(b, 6)).body.status, 'OK');
      await change(b);
      assert.ok(await soon(async () => (await login(b, 6)).body['Num. ERRO'] === '007'), `${name}: refused after the change`);
    }
  });
});
