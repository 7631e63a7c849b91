import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sessionCacheOf } from '../../../src/modules/auth/session-cache.ts';
import { sha256Hex } from '../../../src/lib/tokens.ts';
import { createAccess, createSession, tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';

describe('session cache', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => t.close());

  const call = (token: string) => mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725' });

  test('a resolved session is cached; deleting it in the database refuses the next call at once', async () => {
    const token = await tokenFor(t.db);
    assert.notEqual((await call(token)).body['Num. ERRO'], '001');
    assert.ok(sessionCacheOf(t.db)?.get(sha256Hex(token)), 'the session is in the cache after a call');
    await t.db.deleteFrom('ws_sessions').where('token_hash', '=', sha256Hex(token)).execute();
    assert.equal(sessionCacheOf(t.db)?.get(sha256Hex(token)), undefined, 'the trigger NOTIFY emptied the cache');
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
      const after = (await call(token)).body;
      assert.equal(after.status, 'ERRO', `${change}: refused after the change`);
    }
  });

  test('single-use sessions are never cached', async () => {
    const access = await createAccess(t.db, { singleUse: true });
    const token = await createSession(t.db, access, { services: [9999], singleUse: true });
    await call(token);
    assert.equal(sessionCacheOf(t.db)?.get(sha256Hex(token)), undefined);
  });
});
