import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKFaturasPendentes', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db, { services: [7] });
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  test('lists open invoices, overdue and not yet due, oldest first, money as numbers', async () => {
    const c = await createCustomer(t.db, s, { name: 'FULANO DE TAL' });
    const contract = await createContract(t.db, s, c.id);
    const later = await createInvoice(t.db, s, c.id, { dueDate: '2026-12-10', amountCents: 9990, contractId: contract.id });
    const overdue = await createInvoice(t.db, s, c.id, { dueDate: '2026-11-10', amountCents: 123456 });
    await createInvoice(t.db, s, c.id, { status: 'paid' });
    await createInvoice(t.db, s, c.id, { status: 'deleted' });
    await createInvoice(t.db, s, c.id, { status: 'suspended' });
    const res = await mk(t.app, 'WSMKFaturasPendentes', { token, cd_cliente: c.id });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.CodigoPessoa, c.id);
    assert.equal(res.body.Nome, 'FULANO DE TAL');
    assert.deepEqual(
      res.body.FaturasPendentes.map((f: { codfatura: number }) => f.codfatura),
      [overdue.id, later.id],
    );
    const [first, second] = res.body.FaturasPendentes;
    assert.deepEqual(Object.keys(first), ['codfatura', 'contas', 'contratos', 'data_vencimento', 'descricao', 'valor_total']);
    assert.equal(first.valor_total, 1234.56);
    assert.equal(first.data_vencimento, '10/11/2026');
    assert.equal(first.contratos, null);
    assert.equal(second.valor_total, 99.9);
    assert.equal(second.contratos, String(contract.id));
    assert.match(second.contas, /^\d+$/);
  });

  test('an invoice with several items: contas lists them by id, contratos the invoice and item contracts once, ascending', async () => {
    const c = await createCustomer(t.db, s);
    const k1 = await createContract(t.db, s, c.id);
    const k2 = await createContract(t.db, s, c.id);
    const inv = await createInvoice(t.db, s, c.id, { dueDate: '2026-12-10', contractId: k2.id });
    const extra = await t.db
      .insertInto('invoice_items')
      .values([
        { invoice_id: inv.id, contract_id: k1.id, kind: 'monthly_fee', description: 'Outra', amount_cents: 100 },
        { invoice_id: inv.id, contract_id: null, kind: 'monthly_fee', description: 'Avulso', amount_cents: 50 },
        { invoice_id: inv.id, contract_id: k2.id, kind: 'monthly_fee', description: 'Mais', amount_cents: 10 },
      ])
      .returning('id')
      .execute();
    const items = await t.db.selectFrom('invoice_items').select('id').where('invoice_id', '=', inv.id).orderBy('id').execute();
    assert.equal(items.length, 1 + extra.length);
    const res = await mk(t.app, 'WSMKFaturasPendentes', { token, cd_cliente: c.id });
    const [only] = res.body.FaturasPendentes;
    assert.equal(only.contas, items.map((i) => i.id).join(','));
    assert.equal(only.contratos, [k1.id, k2.id].sort((a, b) => a - b).join(','));
  });

  test('a customer without open invoices gets an empty list', async () => {
    const c = await createCustomer(t.db, s);
    const res = await mk(t.app, 'WSMKFaturasPendentes', { token, cd_cliente: c.id });
    assert.deepEqual(res.body.FaturasPendentes, []);
    assert.equal(res.body.status, 'OK');
  });

  test('unknown customer: 3-key 003; missing and garbage cd_cliente: 006 / 005', async () => {
    const res = await mk(t.app, 'WSMKFaturasPendentes', { token, cd_cliente: 999999 });
    assert.deepEqual(res.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
    assert.equal((await mk(t.app, 'WSMKFaturasPendentes', { token })).body['Num. ERRO'], '006');
    const bad = await mk(t.app, 'WSMKFaturasPendentes', { token, cd_cliente: 'abc' });
    assert.equal(bad.body['Num. ERRO'], '005');
    assert.match(bad.body.Mensagem, /cd_cliente/);
  });

  test('a token for another service is refused', async () => {
    const other = await tokenFor(t.db, { services: [1] });
    const res = await mk(t.app, 'WSMKFaturasPendentes', { token: other, cd_cliente: 1 });
    assert.equal(res.body['Num. ERRO'], '002');
  });
});
