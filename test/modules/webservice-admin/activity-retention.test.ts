import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppDeps } from '../../../src/http/context.ts';
import { purgeOldActivity, startActivityRetention } from '../../../src/modules/webservice-admin/activity-retention.ts';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';

const DAY = 86_400_000;

describe('activity retention job', () => {
  let t: TestApp;
  let deps: AppDeps;
  before(async () => {
    t = await buildTestApp({ config: { activityRetentionDays: 30 } });
    deps = { db: t.db, clock: t.clock, config: t.config, log: t.app.log };
  });
  after(async () => t.close());

  async function seed(agesInDays: number[]) {
    await t.db.deleteFrom('activity_log').execute();
    const now = t.clock.now().getTime();
    await t.db
      .insertInto('activity_log')
      .values(agesInDays.map((age) => ({
        at: new Date(now - age * DAY),
        surface: 'mk',
        endpoint_id: `age-${age}`,
        method: 'GET',
        client_ip: '127.0.0.1',
        http_status: 200,
        duration_ms: 1,
      })))
      .execute();
  }
  const remaining = async () =>
    (await t.db.selectFrom('activity_log').select('endpoint_id').orderBy('endpoint_id').execute()).map((r) => r.endpoint_id);

  test('deletes rows older than activityRetentionDays, in batches, and keeps the rest', async () => {
    await seed([1, 29.9, 30.1, 31, 40, 100, 365]);
    const result = await purgeOldActivity(deps, { batchSize: 2 });
    assert.deepEqual(result, { ran: true, deleted: 5 });
    assert.deepEqual(await remaining(), ['age-1', 'age-29.9']);
  });

  test('the cutoff follows the clock', async () => {
    await seed([10, 20]);
    assert.equal((await purgeOldActivity(deps)).deleted, 0);
    t.clock.advance(15 * DAY);
    assert.equal((await purgeOldActivity(deps)).deleted, 1);
    assert.deepEqual(await remaining(), ['age-10']);
  });

  test('expired sessions older than a day go too; live ones stay', async () => {
    const access = await createAccess(t.db);
    const now = t.clock.now();
    const live = await createSession(t.db, access, { now });
    await createSession(t.db, access, { now: new Date(now.getTime() - 3 * DAY), expiresAt: new Date(now.getTime() - 2 * DAY) });
    await purgeOldActivity(deps);
    const left = await t.db.selectFrom('ws_sessions').select('id').where('profile_id', '=', access.profileId).execute();
    assert.equal(left.length, 1);
    assert.ok(live);
  });

  test('credential and SAC login failure counts that refuse nothing any more go too', async () => {
    const now = t.clock.now().getTime();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
    await t.db
      .insertInto('credential_failures')
      .values([
        { throttle_key: 'WSAutenticacao|192.0.2.1', failed_at: [at(16)], last_failure_at: at(16) },
        { throttle_key: 'WSAutenticacao|192.0.2.2', failed_at: [at(20), at(14)], last_failure_at: at(14) },
      ])
      .execute();
    await t.db
      .insertInto('sac_login_failures')
      .values([
        { scope: 'login', key: 'velho', failures: 3, window_started_at: at(26 * 60), last_failure_at: at(25 * 60) },
        { scope: 'login', key: 'recente', failures: 3, window_started_at: at(60), last_failure_at: at(30) },
      ])
      .execute();
    await purgeOldActivity(deps);
    const credential = await t.db.selectFrom('credential_failures').select('throttle_key').execute();
    assert.deepEqual(credential.map((r) => r.throttle_key), ['WSAutenticacao|192.0.2.2']);
    const sac = await t.db.selectFrom('sac_login_failures').select('key').execute();
    assert.deepEqual(sac.map((r) => r.key), ['recente']);
  });

  test('the periodic runner purges on its interval and stops cleanly', async () => {
    await seed([1, 45, 60]);
    const stop = startActivityRetention(deps, 25);
    for (let i = 0; i < 80 && (await remaining()).length > 1; i += 1) await new Promise((r) => setTimeout(r, 25));
    await stop();
    assert.deepEqual(await remaining(), ['age-1']);
  });
});
