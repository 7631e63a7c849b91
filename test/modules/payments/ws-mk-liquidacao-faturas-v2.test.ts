import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { countRows, createBillingSetup, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';
import { invoiceStatuses, orderFor, withKey } from './settlement-helpers.ts';

describe('WSMKLiquidacaoFaturasV2', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    const access = await createAccess(t.db);
    token = await createSession(t.db, access);
    // Discounts need a profile maximum (the default is 0 %): see settlement-rules.test.ts.
    await t.db.insertInto('ws_profile_settlement_rules').values({ profile_id: access.profileId, max_discount_bp: 1000 }).execute();
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  const settle = (IDPagamento: string, extra: Record<string, string | number> = {}) =>
    mk(t.app, 'WSMKLiquidacaoFaturasV2', {
      token,
      IDPagamento,
      forma_pagto: 101,
      conta: s.bankAccountId,
      valor_total: '145.30',
      valor_acrescimo: '0,30',
      valor_desconto: '5',
      data_recebimento: '23/11/2026',
      ...extra,
    });

  test('valor_total = sum − desconto + acréscimo: settles with the amounts split across invoices', async () => {
    const o = await orderFor(t.app, t.db, s, token, [10000, 5000]);
    const res = await settle(o.idPagamento);
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.ValorTotal, 145.3);
    const rows = await t.db.selectFrom('settlements').selectAll().where('invoice_id', 'in', o.invoiceIds).orderBy('invoice_id').execute();
    assert.deepEqual(
      rows.map((r) => [r.amount_cents, r.surcharge_cents, r.discount_cents, r.payment_method_id, r.source, r.received_on]),
      [
        [9687, 20, 333, 101, 'pix', '2026-11-23'],
        [4843, 10, 167, 101, 'pix', '2026-11-23'],
      ],
    );
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'paid' && r.paid_on === '2026-11-23'));
  });

  test('a valor_total that does not add up is refused and writes nothing', async () => {
    const o = await orderFor(t.app, t.db, s, token, [10000, 5000]);
    const before = await countRows(t.db, 'settlements');
    const res = await settle(o.idPagamento, { valor_total: '150.00' });
    assert.equal(res.body['Num. ERRO'], '005');
    assert.match(res.body.Mensagem, /valor_total/);
    assert.equal(await countRows(t.db, 'settlements'), before);
    assert.equal((await settle(o.idPagamento)).body.status, 'OK', 'the order is still usable');
  });

  test('without acréscimo/desconto the total must be the plain sum; methods 3 and 4 map to card/manual', async () => {
    for (const [forma, source] of [
      [3, 'card'],
      [4, 'manual'],
    ] as const) {
      const o = await orderFor(t.app, t.db, s, token, [2500]);
      const res = await mk(t.app, 'WSMKLiquidacaoFaturasV2', {
        token,
        IDPagamento: o.idPagamento,
        forma_pagto: forma,
        conta: s.bankAccountId,
        valor_total: '25,00',
        data_recebimento: '2026-11-24',
      });
      assert.equal(res.body.status, 'OK');
      const row = await t.db.selectFrom('settlements').select('source').where('invoice_id', '=', o.invoiceIds[0]!).executeTakeFirstOrThrow();
      assert.equal(row.source, source);
    }
  });

  test('second settlement refused; 20 concurrent → exactly one OK; Idempotency-Key replays', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    const results = await Promise.all(Array.from({ length: 20 }, () => settle(o.idPagamento)));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 1);
    assert.equal((await settle(o.idPagamento)).body['Num. ERRO'], '008');
    const o2 = await orderFor(t.app, t.db, s, token);
    const params = {
      token,
      IDPagamento: o2.idPagamento,
      forma_pagto: 101,
      conta: s.bankAccountId,
      valor_total: '150',
      data_recebimento: '24/11/2026',
    };
    const first = await withKey(t.app, 'WSMKLiquidacaoFaturasV2', params, 'v2-key');
    assert.equal(first.status, 'OK');
    assert.deepEqual(await withKey(t.app, 'WSMKLiquidacaoFaturasV2', params, 'v2-key'), first);
  });

  test('errors: forma_pagto outside 3/4/101, bad money, future date, discount above the sum → 005', async () => {
    const o = await orderFor(t.app, t.db, s, token);
    assert.match((await settle(o.idPagamento, { forma_pagto: 2 })).body.Mensagem, /forma_pagto/);
    assert.match((await settle(o.idPagamento, { valor_total: 'abc' })).body.Mensagem, /valor_total/);
    assert.match((await settle(o.idPagamento, { data_recebimento: '25/11/2026' })).body.Mensagem, /data_recebimento/);
    assert.match((await settle(o.idPagamento, { valor_desconto: '200', valor_total: '0' })).body.Mensagem, /valor_desconto/);
    assert.equal((await settle('y'.repeat(32))).body['Num. ERRO'], '003');
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'open'));
  });
});
