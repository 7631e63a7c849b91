import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { crmModules } from '../../support/factories/crm.ts';
import { createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';
import { adminCall, createOperatorRow, loginAs } from './admin-client.ts';

describe('admin API: /admin/api/settings/crm', () => {
  let t: TestApp;
  let bearer: { bearer: string };
  let login: string;
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    const admin = await createOperatorRow(t.db);
    login = admin.login;
    bearer = { bearer: admin.adminKey };
  });
  after(async () => t.close());

  test('GET shows the defaults: sign-ups allowed, 300 m, 7 days', async () => {
    const res = await adminCall(t.app, 'GET', '/settings/crm', bearer);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { forbidApiSignups: false, viabilityRadiusMeters: 300, defaultReservationDays: 7 });
  });

  test('PUT changes only what is sent, audits before/after, and the lead endpoints obey it', async () => {
    const res = await adminCall(t.app, 'PUT', '/settings/crm', bearer, { forbidApiSignups: true, viabilityRadiusMeters: 450 });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { forbidApiSignups: true, viabilityRadiusMeters: 450, defaultReservationDays: 7 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'crm_settings').executeTakeFirstOrThrow();
    assert.equal(audit.actor, `operator:${login}`);
    assert.deepEqual((audit.details as { after: unknown }).after, res.body);

    const w = await createWorld(t.db);
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
    const token = await createSession(t.db, await createAccess(t.db));
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: c.id })).body, '004'));
    assert.equal((await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: -23, lon: -51 })).body.Raio, 450);

    await adminCall(t.app, 'PUT', '/settings/crm', bearer, { forbidApiSignups: false });
    assert.equal((await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: c.id })).body.status, 'OK');
  });

  test('invalid values, or nothing known to change (unknown fields are ignored) → 400, nothing changed', async () => {
    const before = (await adminCall(t.app, 'GET', '/settings/crm', bearer)).body;
    for (const body of [{ viabilityRadiusMeters: 5 }, { defaultReservationDays: 0 }, { forbidApiSignups: 'talvez' }, { other: 1 }, {}]) {
      const res = await adminCall(t.app, 'PUT', '/settings/crm', bearer, body);
      assert.equal(res.status, 400, JSON.stringify(body));
    }
    assert.deepEqual((await adminCall(t.app, 'GET', '/settings/crm', bearer)).body, before);
  });

  test('needs an admin: none → 401, a non-admin operator → 403; the browser session needs CSRF for PUT', async () => {
    assert.equal((await adminCall(t.app, 'GET', '/settings/crm', null)).status, 401);
    const plain = await createOperatorRow(t.db, { isAdmin: false });
    assert.equal((await adminCall(t.app, 'GET', '/settings/crm', { bearer: plain.adminKey })).status, 403);
    const admin = await createOperatorRow(t.db);
    const session = await loginAs(t.app, admin);
    assert.equal((await adminCall(t.app, 'PUT', '/settings/crm', { cookie: session.cookie, csrf: '' }, { defaultReservationDays: 5 })).status, 403);
    const ok = await adminCall(t.app, 'PUT', '/settings/crm', session, { defaultReservationDays: 5 });
    assert.equal(ok.body.defaultReservationDays, 5);
  });
});
