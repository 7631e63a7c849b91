import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer } from '../../support/factories/billing.ts';
import { addConnection, createNetwork } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConexoesPorClienteV2', () => {
  let t: TestApp;
  let token: string;
  let customerId: number;
  const ids: Record<string, number> = {};
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
    const s = await createBillingSetup(t.db);
    const net = await createNetwork(t.db, s);
    const c = await createCustomer(t.db, s);
    customerId = c.id;
    const k = await createContract(t.db, s, c.id);
    ids.free = await addConnection(t.db, net, c.id, k);
    ids.unpaid = await addConnection(t.db, net, c.id, k, { blocked: 'non_payment' });
    ids.indefinite = await addConnection(t.db, net, c.id, k, { blocked: 'indefinite' });
    ids.notAccepted = await addConnection(t.db, net, c.id, k, { blocked: 'contract_not_accepted' });
  });
  after(async () => t.close());

  const codes = async (params: Record<string, string | number>) => {
    const res = await mk(t.app, 'WSMKConexoesPorClienteV2', { token, cd_cliente: customerId, ...params });
    assert.equal(res.body.status, 'OK');
    return res.body.Conexoes.map((c: { codconexao: number }) => c.codconexao);
  };

  test('no filter: every connection, V1 item shape', async () => {
    assert.deepEqual(await codes({}), [ids.free, ids.unpaid, ids.indefinite, ids.notAccepted]);
    const res = await mk(t.app, 'WSMKConexoesPorClienteV2', { token, cd_cliente: customerId });
    assert.deepEqual(Object.keys(res.body), ['CodigoPessoa', 'Conexoes', 'Nome', 'status']);
    assert.equal(typeof res.body.Conexoes[0].contrato, 'number');
  });

  test('bloqueada=S / N', async () => {
    assert.deepEqual(await codes({ bloqueada: 'S' }), [ids.unpaid, ids.indefinite, ids.notAccepted]);
    assert.deepEqual(await codes({ bloqueada: 'N' }), [ids.free]);
  });

  test('motivo_bloqueio 1, 3, 5 each select their reason', async () => {
    assert.deepEqual(await codes({ motivo_bloqueio: 1 }), [ids.unpaid]);
    assert.deepEqual(await codes({ motivo_bloqueio: 3 }), [ids.indefinite]);
    assert.deepEqual(await codes({ motivo_bloqueio: 5, bloqueada: 'S' }), [ids.notAccepted]);
    assert.deepEqual(await codes({ motivo_bloqueio: 1, bloqueada: 'N' }), []);
  });

  test('errors: unknown motivo / bloqueada → 005; unknown customer → 003; missing cd_cliente → 006', async () => {
    const bad = await mk(t.app, 'WSMKConexoesPorClienteV2', { token, cd_cliente: customerId, motivo_bloqueio: 2 });
    assert.equal(bad.body['Num. ERRO'], '005');
    assert.match(bad.body.Mensagem, /motivo_bloqueio/);
    assert.equal((await mk(t.app, 'WSMKConexoesPorClienteV2', { token, cd_cliente: customerId, bloqueada: 'X' })).body['Num. ERRO'], '005');
    assert.equal((await mk(t.app, 'WSMKConexoesPorClienteV2', { token, cd_cliente: 999999 })).body['Num. ERRO'], '003');
    assert.equal((await mk(t.app, 'WSMKConexoesPorClienteV2', { token })).body['Num. ERRO'], '006');
  });
});
