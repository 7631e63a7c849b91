import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { TestClock } from '../../support/test-clock.ts';
import { adminCall, type AdminUser, type Auth, createOperatorRow, type Json } from './admin-client.ts';

const DAY = 86_400_000;

describe('admin API: the four 90-day panels', () => {
  let t: TestApp;
  let admin: AdminUser;
  let auth: Auth;
  let now: Date;
  let profileId: number;
  const panel = async (name: string, query = '') => (await adminCall(t.app, 'GET', `/panels/${name}?${query}`, auth)).body;

  before(async () => {
    // The activity log stamps rows with the real time, so the panels' clock starts at it.
    t = await buildTestApp({ clock: new TestClock(new Date()) });
    now = t.clock.now();
    admin = await createOperatorRow(t.db);
    auth = { bearer: admin.adminKey };
    profileId = (await createAccess(t.db)).profileId;
    const row = (at: number, o: Record<string, unknown> = {}) => ({
      at: new Date(now.getTime() - at),
      surface: 'mk',
      endpoint_id: 'WSMKConsultaDoc',
      method: 'GET',
      client_ip: '10.0.0.1',
      profile_id: profileId,
      operator_id: null,
      http_status: 200,
      error_code: null,
      duration_ms: 3,
      is_validation: false,
      query: 'doc=1',
      ...o,
    });
    await t.db
      .insertInto('activity_log')
      .values([
        ...Array.from({ length: 7 }, (_, i) => row((i + 1) * 3_600_000)),
        row(2 * DAY, { endpoint_id: 'WSMKFaturasPendentes', client_ip: '10.0.1.9' }),
        row(3 * DAY, { error_code: '003' }),
        row(4 * DAY, { error_code: '001', profile_id: null, client_ip: '192.0.2.1' }),
        row(5 * DAY, { endpoint_id: 'WSAutenticacaoOperador', is_validation: true, operator_id: admin.id }),
        row(6 * DAY, { endpoint_id: 'WSAutenticacaoOperador', is_validation: true, error_code: '007' }),
        row(91 * DAY),
        row(95 * DAY, { error_code: '003' }),
      ])
      .execute();
  });
  after(async () => t.close());

  test('activity: successful calls of the last 90 days, newest first, paginated with a total', async () => {
    const all = await panel('activity');
    assert.equal(all.total, 9);
    assert.ok(all.items.every((i: Json) => i.errorCode === null));
    const times = all.items.map((i: Json) => Date.parse(i.at));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const page2 = await panel('activity', 'pageSize=4&page=2');
    assert.equal(page2.total, 9);
    assert.equal(page2.items.length, 4);
    assert.equal(page2.items[0].id, all.items[4].id);
    assert.equal((await panel('activity', 'pageSize=4&page=3')).items.length, 1);
  });

  test('activity filters: endpoint, profile, IP (address or CIDR), period', async () => {
    assert.equal((await panel('activity', 'endpoint=WSMKFaturasPendentes')).total, 1);
    assert.equal((await panel('activity', `profileId=${profileId}`)).total, 9);
    assert.equal((await panel('activity', 'ip=10.0.1.9')).total, 1);
    assert.equal((await panel('activity', 'ip=10.0.0.0/16')).total, 9);
    const day = (ms: number) => new Date(now.getTime() - ms - 3 * 3_600_000).toISOString().slice(0, 10);
    assert.equal((await panel('activity', `from=${day(5 * DAY)}&to=${day(5 * DAY)}`)).total, 1);
    assert.equal((await panel('activity', 'from=2000-01-01')).total, 9, 'never further back than the retention');
  });

  test('errors: calls that ended in an error, filterable by code', async () => {
    const errors = await panel('errors');
    assert.equal(errors.total, 3);
    assert.deepEqual(errors.items.map((i: Json) => i.errorCode), ['003', '001', '007']);
    assert.equal((await panel('errors', 'errorCode=001')).total, 1);
  });

  test('validations: every WSAutenticacaoOperador call, with a status filter', async () => {
    assert.equal((await panel('validations')).total, 2);
    assert.equal((await panel('validations', 'status=error')).total, 1);
    const ok = await panel('validations', 'status=ok');
    assert.equal(ok.items[0].operatorLogin, admin.login);
  });

  test('bad filters are refused with 400', async () => {
    for (const q of ['from=31/12/2026', 'ip=not-an-ip', 'status=maybe', 'pageSize=1000', 'errorCode=1', 'from=2026-02-30']) {
      const res = await adminCall(t.app, 'GET', `/panels/activity?${q}`, auth);
      assert.equal(res.status, 400, q);
    }
  });

  test('specific-operators: operators of specific profiles with their dates; general profiles left out', async () => {
    const a = await createAccess(t.db, { kind: 'specific', startsOn: '2026-01-01', endsOn: '2030-12-31' });
    const mine = (await panel('specific-operators')).items.find((i: Json) => i.operatorId === a.operatorId);
    assert.equal(mine.profileId, a.profileId);
    assert.equal(mine.login, a.operatorLogin);
    assert.equal(mine.endsOn, '2030-12-31');
    assert.equal(mine.startsOn, '2026-01-01');
    assert.equal((await panel('specific-operators', `profileId=${a.profileId}`)).total, 1);
    assert.equal((await panel('specific-operators', `profileId=${profileId}`)).total, 0);
  });

  test('a real failed authentication shows in the error panel with the secrets redacted', async () => {
    const a = await createAccess(t.db);
    await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: 'wrong-contra9', cd_servico: 9999 }, { ip: '198.51.100.23' });
    t.clock.set(new Date(Date.now() + 60_000));
    let found: Json;
    for (let i = 0; i < 40 && !found; i += 1) {
      found = (await panel('errors', 'ip=198.51.100.23')).items[0];
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(found, 'the call never reached the panel');
    assert.equal(found.endpoint, 'WSAutenticacao');
    assert.equal(found.errorCode, '007');
    assert.match(found.query, /password=\[redacted\]/);
    assert.ok(!found.query.includes('wrong-contra9') && !found.query.includes(a.userToken));
  });
});
