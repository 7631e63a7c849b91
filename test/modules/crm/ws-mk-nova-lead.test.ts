import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { crmModules, setCrmSettings } from '../../support/factories/crm.ts';
import { createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

const countLeads = async (db: Db) => Number((await db.selectFrom('leads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('WSMKNovaLead', () => {
  let t: TestApp;
  let token: string;
  let login: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    const access = await createAccess(t.db);
    login = access.operatorLogin;
    token = await createSession(t.db, access);
    w = await createWorld(t.db);
  });
  after(async () => t.close());

  test('opens a lead for the customer: keys, quotes stripped, coordinates copied, audit row', async () => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, latitude: -23.31, longitude: -51.16 });
    const res = await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: c.id, info: "'Quer plano de 500 mega'" });
    assert.equal(res.http, 200);
    assert.deepEqual(Object.keys(res.body), ['Cliente', 'CodigoCliente', 'CodigoLead', 'status']);
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.Cliente, c.name);
    assert.equal(res.body.CodigoCliente, c.id);
    const lead = await t.db.selectFrom('leads').selectAll().where('id', '=', res.body.CodigoLead).executeTakeFirstOrThrow();
    assert.deepEqual([lead.customer_id, lead.company_id, lead.status, lead.info], [c.id, w.company.id, 'open', 'Quer plano de 500 mega']);
    assert.deepEqual([lead.latitude, lead.longitude], [-23.31, -51.16]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'lead').where('entity_id', '=', String(lead.id)).executeTakeFirstOrThrow();
    assert.equal(audit.actor, `operator:${login}`);
  });

  test('info is optional; POST with a form body works too', async () => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
    const res = await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: c.id }, { method: 'POST' });
    assert.equal(res.body.status, 'OK');
    const lead = await t.db.selectFrom('leads').select(['info', 'latitude']).where('id', '=', res.body.CodigoLead).executeTakeFirstOrThrow();
    assert.deepEqual([lead.info, lead.latitude], [null, null]);
  });

  test('unknown customer → 003 (three keys), nothing written', async () => {
    const before = await countLeads(t.db);
    const res = await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: 99_999_999 });
    assert.ok(isMkErrorBody(res.body, '003'));
    assert.equal(Object.keys(res.body).length, 3);
    assert.equal(await countLeads(t.db), before);
  });

  test('missing cd_cliente → 006; non-numeric → 005', async () => {
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKNovaLead', { token })).body, '006'));
    const bad = await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: 'abc' });
    assert.ok(isMkErrorBody(bad.body, '005'));
    assert.match(bad.body.Mensagem, /cd_cliente/);
  });

  test('SAC setting "no sign-ups via apps/APIs" on → 004 and no lead; off again → allowed', async () => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
    await setCrmSettings(t.db, { forbid: true });
    try {
      const before = await countLeads(t.db);
      const res = await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: c.id });
      assert.ok(isMkErrorBody(res.body, '004'));
      assert.match(res.body.Mensagem, /não permite/);
      assert.equal(await countLeads(t.db), before);
    } finally {
      await setCrmSettings(t.db, { forbid: false });
    }
    assert.equal((await mk(t.app, 'WSMKNovaLead', { token, cd_cliente: c.id })).body.status, 'OK');
  });
});
