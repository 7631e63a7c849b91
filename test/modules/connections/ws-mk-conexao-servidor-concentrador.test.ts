import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup } from '../../support/factories/billing.ts';
import { createNetwork } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConexaoServidorConcentrador', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('lists active servers; dataConnection narrows to one company; inactive ones are left out', async () => {
    const a = await createBillingSetup(t.db);
    const b = await createBillingSetup(t.db);
    const netA = await createNetwork(t.db, a);
    const netB = await createNetwork(t.db, b);
    const off = await createNetwork(t.db, a);
    await t.db.updateTable('servers').set({ active: false }).where('id', '=', off.serverId).execute();
    const all = await mk(t.app, 'WSMKConexaoServidorConcentrador', { token });
    assert.equal(all.body.status, 'OK');
    const codes = all.body.Servidores.map((s: { codigo: number }) => s.codigo);
    assert.deepEqual(codes, [netA.serverId, netB.serverId]);
    assert.deepEqual(Object.keys(all.body.Servidores[0]), ['codigo', 'descricao', 'ip', 'tipo']);
    assert.match(all.body.Servidores[0].ip, /^10\.\d+\.0\.1$/);
    assert.equal(all.body.Servidores[0].tipo, 'mikrotik');
    const company = await t.db.selectFrom('companies').select('short_name').where('id', '=', b.companyId).executeTakeFirstOrThrow();
    const one = await mk(t.app, 'WSMKConexaoServidorConcentrador', { token, dataConnection: company.short_name.toUpperCase() });
    assert.deepEqual(one.body.Servidores.map((s: { codigo: number }) => s.codigo), [netB.serverId]);
  });

  test('unknown dataConnection → 005 naming it', async () => {
    const res = await mk(t.app, 'WSMKConexaoServidorConcentrador', { token, dataConnection: 'nenhuma' });
    assert.equal(res.body['Num. ERRO'], '005');
    assert.match(res.body.Mensagem, /dataConnection/);
  });
});
