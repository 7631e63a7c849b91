import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKFaturasAbertas', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let ids: Record<string, number>;
  let customers: number[];
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    const a = await createCustomer(t.db, s, { name: 'ANA' });
    const b = await createCustomer(t.db, s, { name: 'BRUNO' });
    customers = [a.id, b.id];
    const cancelled = await createContract(t.db, s, b.id, { status: 'cancelled' });
    ids = {
      a1: (await createInvoice(t.db, s, a.id, { dueDate: '2026-07-01', amountCents: 9990 })).id,
      b1: (await createInvoice(t.db, s, b.id, { dueDate: '2026-07-15', amountCents: 5000, contractId: cancelled.id })).id,
      a2: (await createInvoice(t.db, s, a.id, { dueDate: '2026-07-31' })).id,
      outside: (await createInvoice(t.db, s, a.id, { dueDate: '2026-08-01' })).id,
      paid: (await createInvoice(t.db, s, a.id, { dueDate: '2026-07-10', status: 'paid' })).id,
    };
  });
  after(async () => t.close());

  test('lists open invoices of all customers due in the range, the five CONFIRMED keys', async () => {
    const res = await mk(t.app, 'WSMKFaturasAbertas', { token, dt_venc_inicio: '01/07/2026', dt_venc_fim: '31/07/2026' });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(
      res.body.ListaFaturas.map((f: { cd_fatura: number }) => f.cd_fatura),
      [ids.a1, ids.b1, ids.a2],
    );
    assert.deepEqual(res.body.ListaFaturas[0], { cd_fatura: ids.a1, codpessoa: customers[0], nome: 'ANA', status: 'Ativo', valor: 99.9 });
    assert.equal(res.body.ListaFaturas[1].status, 'Cancelado');
    assert.equal(res.body.ListaFaturas[1].valor, 50);
  });

  test('accepts AAAA/MM/DD (the doc) and AAAA-MM-DD; cd_pessoa filters one customer', async () => {
    const res = await mk(t.app, 'WSMKFaturasAbertas', { token, dt_venc_inicio: '2026/07/01', dt_venc_fim: '2026-07-31', cd_pessoa: customers[1] });
    assert.deepEqual(
      res.body.ListaFaturas.map((f: { cd_fatura: number }) => f.cd_fatura),
      [ids.b1],
    );
  });

  test('empty range → empty list; bad dates → 005; start after end → 005; missing → 006', async () => {
    const empty = await mk(t.app, 'WSMKFaturasAbertas', { token, dt_venc_inicio: '01/01/2020', dt_venc_fim: '31/01/2020' });
    assert.deepEqual(empty.body, { ListaFaturas: [], status: 'OK' });
    const bad = await mk(t.app, 'WSMKFaturasAbertas', { token, dt_venc_inicio: '31/02/2026', dt_venc_fim: '31/07/2026' });
    assert.equal(bad.body['Num. ERRO'], '005');
    assert.match(bad.body.Mensagem, /dt_venc_inicio/);
    const reversed = await mk(t.app, 'WSMKFaturasAbertas', { token, dt_venc_inicio: '31/07/2026', dt_venc_fim: '01/07/2026' });
    assert.equal(reversed.body['Num. ERRO'], '005');
    const missing = await mk(t.app, 'WSMKFaturasAbertas', { token, dt_venc_inicio: '01/07/2026' });
    assert.equal(missing.body['Num. ERRO'], '006');
    assert.match(missing.body.Mensagem, /dt_venc_fim/);
  });
});
