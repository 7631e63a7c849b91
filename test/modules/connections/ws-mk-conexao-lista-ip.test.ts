import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer } from '../../support/factories/billing.ts';
import { addConnection, createNetwork } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConexaoListaIP', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('free addresses only: reserved and taken ones are left out', async () => {
    const s = await createBillingSetup(t.db);
    const net = await createNetwork(t.db, s);
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id);
    await addConnection(t.db, net, c.id, k, { ipAddressId: net.ipIds[2] });
    const res = await mk(t.app, 'WSMKConexaoListaIP', { token, CodigoServidor: net.serverId, CodigoPontoAcesso: net.accessPointId });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(res.body.IPs.map((i: { codigo: number }) => i.codigo), [net.ipIds[1], net.ipIds[3]]);
    assert.deepEqual(Object.keys(res.body.IPs[0]), ['codigo', 'ip', 'pool']);
    assert.match(res.body.IPs[0].ip, /^100\.\d+\.1\.2$/);
  });

  test("another server's pools are not offered; an access point of another server → 005", async () => {
    const s = await createBillingSetup(t.db);
    const a = await createNetwork(t.db, s);
    const b = await createNetwork(t.db, s);
    const res = await mk(t.app, 'WSMKConexaoListaIP', { token, CodigoServidor: a.serverId, CodigoPontoAcesso: b.accessPointId });
    assert.equal(res.body['Num. ERRO'], '005');
    assert.match(res.body.Mensagem, /CodigoPontoAcesso/);
    const own = await mk(t.app, 'WSMKConexaoListaIP', { token, CodigoServidor: b.serverId, CodigoPontoAcesso: b.accessPointId });
    assert.ok(own.body.IPs.every((i: { codigo: number }) => b.ipIds.includes(i.codigo)));
  });

  test('unknown server or access point → 003; each parameter required → 006', async () => {
    const s = await createBillingSetup(t.db);
    const net = await createNetwork(t.db, s);
    assert.equal((await mk(t.app, 'WSMKConexaoListaIP', { token, CodigoServidor: 999999, CodigoPontoAcesso: net.accessPointId })).body['Num. ERRO'], '003');
    assert.equal((await mk(t.app, 'WSMKConexaoListaIP', { token, CodigoServidor: net.serverId, CodigoPontoAcesso: 999999 })).body['Num. ERRO'], '003');
    const missing = await mk(t.app, 'WSMKConexaoListaIP', { token, CodigoServidor: net.serverId });
    assert.equal(missing.body['Num. ERRO'], '006');
    assert.match(missing.body.Mensagem, /CodigoPontoAcesso/);
  });
});
