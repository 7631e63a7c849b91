import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, createInvoice } from '../../support/factories/billing.ts';
import { addConnection, createNetwork } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('client round trip: ConsultaDoc → ContratosPorCliente → ConexoesPorCliente → AutoDesbloqueio', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
  });
  after(async () => t.close());

  test('the ids a client chains agree, and the blocked connection unblocks', async () => {
    const s = await createBillingSetup(t.db);
    const net = await createNetwork(t.db, s);
    const c = await createCustomer(t.db, s, { name: 'CLIENTE ROUND TRIP' });
    const k = await createContract(t.db, s, c.id);
    await createInvoice(t.db, s, c.id, { contractId: k.id, dueDate: '2026-10-10' });
    await addConnection(t.db, net, c.id, k);
    const blockedId = await addConnection(t.db, net, c.id, k, { blocked: 'non_payment' });
    const token = await tokenFor(t.db);

    const doc = await mk(t.app, 'WSMKConsultaDoc', { token, doc: c.document });
    assert.equal(doc.body.status, 'OK');
    const customerId = doc.body.CodigoPessoa;
    assert.equal(typeof customerId, 'number');

    const contracts = await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: customerId });
    assert.equal(contracts.body.status, 'OK');
    assert.equal(contracts.body.ContratosAtivos.length, 1);
    const codcontrato = contracts.body.ContratosAtivos[0].codcontrato;
    assert.equal(codcontrato, k.id, 'codcontrato is contracts.id');

    const conns = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: customerId });
    const mine = conns.body.Conexoes.filter((x: { contrato: number }) => x.contrato === codcontrato);
    assert.equal(mine.length, 2);
    const target = mine.find((x: { bloqueada: string; motivo_bloqueio: string | null }) => x.bloqueada === 'Sim' && x.motivo_bloqueio === 'Falta Pagamento');
    assert.equal(target.codconexao, blockedId);

    const res = await mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao: target.codconexao });
    assert.deepEqual(res.body, { status: 'OK' });
    const after = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: customerId });
    assert.ok(after.body.Conexoes.every((x: { bloqueada: string }) => x.bloqueada === 'Não'));
  });
});
