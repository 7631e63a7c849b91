import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { countRows, createBillingSetup, createCardProfile, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';
import { invoiceStatuses, orderFor, withKey } from './settlement-helpers.ts';

describe('WSMKLiquidacaoFaturas (V1)', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let condition: number;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    condition = (await createCardProfile(t.db, s, [{ installments: 1 }])).conditionIds[0]!;
  });
  after(async () => t.close());

  const settle = (IDPagamento: string, extra: Record<string, string | number> = {}) =>
    mk(t.app, 'WSMKLiquidacaoFaturas', { token, IDPagamento, FormaPgto: condition, conta: s.bankAccountId, NSU: '123456789', ARP: '654321', ...extra });

  test('settles every invoice of the order with a card settlement each', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    const res = await settle(o.idPagamento);
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.ValorTotal, 150);
    assert.deepEqual(res.body.Faturas, [
      { codfatura: o.invoiceIds[0], valor_pago: 100 },
      { codfatura: o.invoiceIds[1], valor_pago: 50 },
    ]);
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'paid' && r.paid_on === '2026-11-24'));
    const rows = await t.db.selectFrom('settlements').selectAll().where('invoice_id', 'in', o.invoiceIds).execute();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.payment_method_id === 3 && r.payment_condition_id === condition && r.nsu === '123456789' && r.authorization_code === '654321'));
  });

  test('a second settlement of the same IDPagamento is refused', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    assert.equal((await settle(o.idPagamento)).body.status, 'OK');
    const again = await settle(o.idPagamento);
    assert.equal(again.body['Num. ERRO'], '008');
    assert.match(again.body.Mensagem, /já utilizado/);
  });

  test('20 concurrent settlements: exactly one succeeds, one settlement per invoice', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    const results = await Promise.all(Array.from({ length: 20 }, () => settle(o.idPagamento)));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 1);
    assert.ok(results.filter((r) => r.body.status !== 'OK').every((r) => r.body['Num. ERRO'] === '008'));
    const rows = await t.db.selectFrom('settlements').select('invoice_id').where('invoice_id', 'in', o.invoiceIds).execute();
    assert.equal(rows.length, 2);
  });

  test('Idempotency-Key: a retry returns the first answer, even from 20 concurrent retries', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    const params = { token, IDPagamento: o.idPagamento, FormaPgto: condition, conta: s.bankAccountId };
    const first = await withKey(t.app, 'WSMKLiquidacaoFaturas', params, 'retry-key-1');
    assert.equal(first.status, 'OK');
    const retries = await Promise.all(Array.from({ length: 20 }, () => withKey(t.app, 'WSMKLiquidacaoFaturas', params, 'retry-key-1')));
    for (const r of retries) assert.deepEqual(r, first);
    const other = await withKey(t.app, 'WSMKLiquidacaoFaturas', params, 'another-key');
    assert.equal(other['Num. ERRO'], '008');
    const o2 = await orderFor(t.app, t.db, s, token);
    const reused = await withKey(t.app, 'WSMKLiquidacaoFaturas', { ...params, IDPagamento: o2.idPagamento }, 'retry-key-1');
    assert.equal(reused['Num. ERRO'], '005');
    assert.match(reused.Mensagem, /Idempotency-Key/);
  });

  test('concurrent first calls with one key: one settlement, and all get the same answer', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    const params = { token, IDPagamento: o.idPagamento, FormaPgto: condition, conta: s.bankAccountId };
    const answers = await Promise.all(Array.from({ length: 20 }, () => withKey(t.app, 'WSMKLiquidacaoFaturas', params, 'race-key')));
    assert.ok(answers.every((a) => a.status === 'OK'));
    assert.equal((await t.db.selectFrom('settlements').select('id').where('invoice_id', 'in', o.invoiceIds).execute()).length, 2);
  });

  test('an expired IDPagamento is refused and settles nothing', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    const start = t.clock.now();
    t.clock.advance(31 * 60_000);
    try {
      const res = await settle(o.idPagamento);
      assert.equal(res.body['Num. ERRO'], '008');
      assert.match(res.body.Mensagem, /expirado/);
    } finally {
      t.clock.set(start);
    }
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'open'));
    assert.equal((await settle(o.idPagamento)).body['Num. ERRO'], '008', 'an expired order stays expired');
  });

  test('all or nothing: an invoice no longer open rolls back the whole settlement', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    const before = await countRows(t.db, 'settlements');
    await t.db.updateTable('invoices').set({ status: 'paid', paid_on: '2026-11-23', paid_amount_cents: 5000 }).where('id', '=', o.invoiceIds[1]!).execute();
    const res = await settle(o.idPagamento);
    assert.equal(res.body['Num. ERRO'], '008');
    assert.equal((await invoiceStatuses(t.db, [o.invoiceIds[0]!]))[0]!.status, 'open');
    assert.equal(await countRows(t.db, 'settlements'), before);
    const order = await t.db.selectFrom('payment_orders').select('status').where('public_id', '=', o.idPagamento).executeTakeFirstOrThrow();
    assert.equal(order.status, 'pending');
  });

  test('unknown IDPagamento 003; condition not offered or unknown account 005; missing 006', async () => {
    assert.equal((await settle('x'.repeat(32))).body['Num. ERRO'], '003');
    const o = await orderFor(t.app, t.db, s, token);
    const otherSetup = await createBillingSetup(t.db);
    const foreign = (await createCardProfile(t.db, otherSetup, [{ installments: 1 }])).conditionIds[0]!;
    const r1 = await settle(o.idPagamento, { FormaPgto: foreign });
    assert.match(r1.body.Mensagem, /FormaPgto/);
    const r2 = await settle(o.idPagamento, { conta: otherSetup.bankAccountId });
    assert.match(r2.body.Mensagem, /conta/);
    const r3 = await mk(t.app, 'WSMKLiquidacaoFaturas', { token, IDPagamento: o.idPagamento, conta: s.bankAccountId });
    assert.equal(r3.body['Num. ERRO'], '006');
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'open'));
  });
});
