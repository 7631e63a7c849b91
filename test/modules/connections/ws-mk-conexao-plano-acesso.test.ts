import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup } from '../../support/factories/billing.ts';
import { createNetwork } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConexaoPlanoAcesso', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test("lists the server's active plans, speeds in kbps and price as a number", async () => {
    const s = await createBillingSetup(t.db);
    const plan = (name: string, price: number, active = true) =>
      t.db
        .insertInto('access_plans')
        .values({ company_id: s.companyId, plan_type_id: 1, name, download_kbps: 300_000, upload_kbps: 150_000, price_cents: price, active })
        .returning('id')
        .executeTakeFirstOrThrow();
    const a = await plan('FIBRA 300', 9990);
    const b = await plan('FIBRA 100', 7990);
    const old = await plan('FIBRA ANTIGA', 5000, false);
    const other = await plan('RADIO 10', 4990);
    const net = await createNetwork(t.db, s, { planIds: [a.id, b.id, old.id] });
    await createNetwork(t.db, s, { planIds: [other.id] });
    const res = await mk(t.app, 'WSMKConexaoPlanoAcesso', { token, CodigoServidor: net.serverId });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.CodigoServidor, net.serverId);
    assert.deepEqual(res.body.Planos, [
      { codigo: b.id, descricao: 'FIBRA 100', download: 300000, upload: 150000, valor: 79.9 },
      { codigo: a.id, descricao: 'FIBRA 300', download: 300000, upload: 150000, valor: 99.9 },
    ]);
  });

  test('unknown or inactive server → 003; missing → 006; garbage → 005', async () => {
    const s = await createBillingSetup(t.db);
    const net = await createNetwork(t.db, s);
    await t.db.updateTable('servers').set({ active: false }).where('id', '=', net.serverId).execute();
    assert.equal((await mk(t.app, 'WSMKConexaoPlanoAcesso', { token, CodigoServidor: net.serverId })).body['Num. ERRO'], '003');
    assert.equal((await mk(t.app, 'WSMKConexaoPlanoAcesso', { token, CodigoServidor: 999999 })).body['Num. ERRO'], '003');
    assert.equal((await mk(t.app, 'WSMKConexaoPlanoAcesso', { token })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKConexaoPlanoAcesso', { token, CodigoServidor: 'x' })).body['Num. ERRO'], '005');
  });
});
