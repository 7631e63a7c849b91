import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, createInvoice } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKFaturas', () => {
  let t: TestApp;
  let token: string;
  let customerId: number;
  let contractId: number;
  let ids: Record<string, number>;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    const s = await createBillingSetup(t.db);
    customerId = (await createCustomer(t.db, s, { name: 'CLIENTE FATURAS' })).id;
    contractId = (await createContract(t.db, s, customerId)).id;
    ids = {
      old: (await createInvoice(t.db, s, customerId, { dueDate: '2026-05-10' })).id,
      oct: (await createInvoice(t.db, s, customerId, { dueDate: '2026-10-30', status: 'paid' })).id,
      nov: (await createInvoice(t.db, s, customerId, { dueDate: '2026-11-10', contractId })).id,
      dec: (await createInvoice(t.db, s, customerId, { dueDate: '2026-12-10' })).id,
      deleted: (await createInvoice(t.db, s, customerId, { dueDate: '2026-11-15', status: 'deleted' })).id,
    };
  });
  after(async () => t.close());

  const codes = (body: { Faturas: Array<{ codfatura: number }> }) => body.Faturas.map((f) => f.codfatura);

  test('default window: due from one month ago on (future included), deleted excluded', async () => {
    const res = await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.Nome, 'CLIENTE FATURAS');
    assert.deepEqual(codes(res.body), [ids.oct, ids.nov, ids.dec]);
    const paid = res.body.Faturas[0];
    assert.equal(paid.liquidado, 'S');
    assert.equal(paid.situacao, 'Liquidada');
    assert.equal(paid.data_pagamento, '20/11/2026');
    assert.equal(paid.valor_pago, 99.9);
    assert.equal(res.body.Faturas[1].situacao, 'Vencida');
    assert.equal(res.body.Faturas[2].data_pagamento, null);
  });

  test('quantidade_meses widens the window; data_vencimento starts it', async () => {
    assert.deepEqual(codes((await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, quantidade_meses: 12 })).body), [
      ids.old,
      ids.oct,
      ids.nov,
      ids.dec,
    ]);
    const from = await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, data_vencimento: '01/11/2026' });
    assert.deepEqual(codes(from.body), [ids.nov]);
  });

  test('filters: liquidado S/N (and true), contract, invoice range, codigo_fatura', async () => {
    const q = (p: Record<string, string | number>) => mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, quantidade_meses: 12, ...p });
    assert.deepEqual(codes((await q({ liquidado: 'S' })).body), [ids.oct]);
    assert.deepEqual(codes((await q({ liquidado: 'true' })).body), [ids.oct]);
    assert.deepEqual(codes((await q({ liquidado: 'N' })).body), [ids.old, ids.nov, ids.dec]);
    assert.deepEqual(codes((await q({ codigo_contrato: contractId })).body), [ids.nov]);
    assert.deepEqual(codes((await q({ codigo_fatura_inicio: ids.oct!, codigo_fatura_fim: ids.nov! })).body), [ids.oct, ids.nov]);
    assert.deepEqual(codes((await q({ codigo_fatura: ids.dec! })).body), [ids.dec]);
    assert.deepEqual(codes((await q({ data_pagamento: '20/11/2026' })).body), [ids.oct]);
  });

  test('errors: unknown customer 003, missing 006, bad liquidado / inverted range 005', async () => {
    assert.equal((await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: 999999 })).body['Num. ERRO'], '003');
    assert.equal((await mk(t.app, 'WSMKFaturas', { token })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, liquidado: 'X' })).body['Num. ERRO'], '005');
    const inverted = await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, codigo_fatura_inicio: 9, codigo_fatura_fim: 2 });
    assert.equal(inverted.body['Num. ERRO'], '005');
  });
});
