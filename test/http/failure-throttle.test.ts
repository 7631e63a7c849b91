import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { CREDENTIAL_THROTTLE, FailureThrottle } from '../../src/http/failure-throttle.ts';
import { THROTTLE_CHANNEL } from '../../src/modules/auth/credential-failures.repository.ts';
import { authModule } from '../../src/modules/auth/index.ts';
import { createAccess, type Access } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { mk } from '../support/mk-client.ts';
import { listen } from '../support/notifications.ts';

const MINUTE = 60_000;

describe('failed credential checks are throttled per endpoint and client IP', () => {
  let t: TestApp;
  let access: Access;
  before(async () => {
    t = await buildTestApp({ modules: [authModule] });
    access = await createAccess(t.db);
  });
  after(async () => t.close());

  const login = (password: string, ip = '198.51.100.7') =>
    mk(t.app, 'WSAutenticacao', { token: access.userToken, password, cd_servico: 9999 }, { ip });

  test('ten wrong contra-senhas, then even the right one gets 011 until the window passes', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await login(`wrong-${i}-secret`)).body['Num. ERRO'], '007');
    const blocked = await login(access.contraSenha);
    assert.deepEqual(Object.keys(blocked.body), ['Mensagem', 'Num. ERRO', 'status']);
    assert.equal(blocked.body['Num. ERRO'], '011');
    assert.equal((await login(access.contraSenha, '198.51.100.8')).body.status, 'OK', 'other IPs are not affected');
    t.clock.advance(16 * 60_000);
    assert.equal((await login(access.contraSenha)).body.status, 'OK');
  });

  test('successful logins and other errors do not count', async () => {
    for (let i = 0; i < 12; i++) assert.equal((await login(access.contraSenha, '198.51.100.9')).body.status, 'OK');
    for (let i = 0; i < 12; i++) {
      const res = await mk(t.app, 'WSAutenticacao', { token: access.userToken, password: access.contraSenha, cd_servico: 'x' }, { ip: '198.51.100.9' });
      assert.equal(res.body['Num. ERRO'], '005');
    }
    assert.equal((await login(access.contraSenha, '198.51.100.9')).body.status, 'OK');
  });
});

describe('the failure counts are in the database, shared by every app on it', () => {
  let t: TestApp;
  let access: Access;
  let second: FastifyInstance;
  before(async () => {
    t = await buildTestApp({ modules: [authModule] });
    access = await createAccess(t.db);
    second = await buildApp({ config: t.config, db: t.db, clock: t.clock, logger: false, modules: [authModule] });
    await second.ready();
  });
  after(async () => {
    await second.close();
    await t.close();
  });

  const login = (app: FastifyInstance, password: string, ip: string) =>
    mk(app, 'WSAutenticacao', { token: access.userToken, password, cd_servico: 9999 }, { ip });
  const throttle = () => new FailureThrottle(t.db, t.clock);
  const stored = async (key: string) =>
    (await t.db.selectFrom('credential_failures').select('failed_at').where('throttle_key', '=', key).executeTakeFirst())?.failed_at.length ?? 0;

  test('five failures on each app block the IP on both, for the right contra-senha too', async () => {
    const ip = '203.0.113.10';
    const announcements = await listen(t.db, THROTTLE_CHANNEL);
    try {
      for (let i = 0; i < 5; i++) {
        assert.equal((await login(t.app, `wrong-a${i}-x`, ip)).body['Num. ERRO'], '007');
        assert.equal((await login(second, `wrong-b${i}-x`, ip)).body['Num. ERRO'], '007');
      }
      // The tenth was on `second`: the first app knows of the block only by the NOTIFY, which
      // PostgreSQL delivers a moment after the commit (at once on the embedded engine).
      await announcements.heard(ip);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await announcements.stop();
    }
    assert.equal((await login(t.app, access.contraSenha, ip)).body['Num. ERRO'], '011');
    assert.equal((await login(second, access.contraSenha, ip)).body['Num. ERRO'], '011');
    assert.equal(await stored(`WSAutenticacao|${ip}`), 10, 'refused attempts are not counted');
  });

  test('an app started after the block loads it', async () => {
    const ip = '203.0.113.11';
    for (let i = 0; i < 10; i++) assert.equal((await login(t.app, `wrong-${i}-x`, ip)).body['Num. ERRO'], '007');
    const late = await buildApp({ config: t.config, db: t.db, clock: t.clock, logger: false, modules: [authModule] });
    try {
      assert.equal((await login(late, access.contraSenha, ip)).body['Num. ERRO'], '011');
      assert.equal((await login(late, access.contraSenha, '203.0.113.12')).body.status, 'OK');
    } finally {
      await late.close();
    }
  });

  test('sliding window: the block ends when the oldest of the ten leaves it; one more failure blocks again', async () => {
    const a = throttle();
    const key = 'test|window';
    const start = t.clock.now().getTime();
    for (let i = 0; i < 10; i++) {
      assert.equal(await a.recordFailure(key), false);
      t.clock.advance(MINUTE);
    }
    assert.equal(await a.isBlocked(key), true);
    t.clock.set(new Date(start + CREDENTIAL_THROTTLE.windowMs - 1));
    assert.equal(await a.isBlocked(key), true);
    t.clock.set(new Date(start + CREDENTIAL_THROTTLE.windowMs + 1));
    assert.equal(await a.isBlocked(key), false, 'nine left in the window');
    assert.equal(await a.recordFailure(key), false);
    assert.equal(await a.isBlocked(key), true);
    t.clock.set(new Date(start + MINUTE + CREDENTIAL_THROTTLE.windowMs + 1));
    assert.equal(await a.isBlocked(key), false, 'until the second oldest leaves');
    t.clock.set(new Date(start));
  });

  test('a throttle that has not heard of a block reads it; a failure on a refused key says so and is not counted', async () => {
    const a = throttle();
    const key = 'test|unheard';
    for (let i = 0; i < 10; i++) await a.recordFailure(key);
    const b = throttle();
    assert.equal(await b.isBlocked(key), true, 'not listening: reads the row');
    const other = throttle();
    assert.equal(await other.recordFailure(key), true);
    assert.equal(await stored(key), 10);
  });

  test('concurrent failures all count: of twenty at once on a known key, exactly nine are counted', async () => {
    const key = 'test|burst';
    await throttle().recordFailure(key);
    const answers = await Promise.all(Array.from({ length: 20 }, () => throttle().recordFailure(key)));
    assert.equal(answers.filter((refused) => !refused).length, 9);
    assert.equal(await stored(key), 10);
  });
});
