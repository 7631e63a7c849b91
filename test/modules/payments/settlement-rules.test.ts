import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { countRows, createBillingSetup, createCardProfile, createContract, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';
import { adminCall, createOperatorRow, loginAs } from '../webservice-admin/admin-client.ts';
import { invoiceStatuses, orderFor } from './settlement-helpers.ts';

describe('settlement limits per webservice profile (maximum discount, R$ 0,00)', () => {
  let t: TestApp;
  let s: Setup;
  let token: string;
  let profileId: number;
  let admin: { cookie: string; csrf: string };
  before(async () => {
    t = await buildTestApp();
    s = await createBillingSetup(t.db);
    const access = await createAccess(t.db);
    profileId = access.profileId;
    token = await createSession(t.db, access);
    admin = await loginAs(t.app, await createOperatorRow(t.db));
  });
  after(async () => t.close());

  const v2 = (IDPagamento: string, total: string, discount: string) =>
    mk(t.app, 'WSMKLiquidacaoFaturasV2', {
      token,
      IDPagamento,
      forma_pagto: 101,
      conta: s.bankAccountId,
      valor_total: total,
      valor_desconto: discount,
      data_recebimento: '24/11/2026',
    });
  const setRules = (body: unknown, id = profileId) => adminCall(t.app, 'PUT', `/profiles/${id}/settlement`, admin, body);

  test('default profile: any caller-chosen discount → 008 and nothing settled; the plain sum settles', async () => {
    assert.deepEqual((await adminCall(t.app, 'GET', `/profiles/${profileId}/settlement`, admin)).body, { allowZeroValue: false, maxDiscountPercent: 0 });
    const o = await orderFor(t.app, t.db, s, token, [10000, 5000]);
    const before = await countRows(t.db, 'settlements');
    const res = await v2(o.idPagamento, '149,99', '0,01');
    assert.deepEqual(res.body, {
      Mensagem: 'Desconto de R$ 0,01 acima do máximo permitido para este perfil (0 % de R$ 150,00).',
      'Num. ERRO': '008',
      status: 'ERRO',
    });
    assert.equal(await countRows(t.db, 'settlements'), before);
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'open'));
    assert.equal((await v2(o.idPagamento, '150,00', '0')).body.status, 'OK');
  });

  test("the order's own discount (the ISP's punctuality rule) needs no profile allowance; a centavo more does", async () => {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id, { discount: { percentBp: 500, daysBeforeDue: 0 } });
    const inv = await createInvoice(t.db, s, c.id, { amountCents: 10000, dueDate: '2026-12-10', contractId: k.id });
    const order = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: String(inv.id) });
    assert.equal(order.body.ValorTotalDes, 5);
    const more = await v2(order.body.IDPagamento, '94,99', '5,01');
    assert.equal(more.body.Mensagem, 'Desconto de R$ 5,01 acima do máximo permitido para este perfil (0 % de R$ 100,00 além do desconto do pedido, R$ 5,00).');
    assert.equal((await v2(order.body.IDPagamento, '95,00', '5,00')).body.status, 'OK');
  });

  test('the 100 % discount to R$ 0,00 of any all-services token is refused', async () => {
    const o = await orderFor(t.app, t.db, s, token, [10000]);
    assert.equal((await v2(o.idPagamento, '0', '100,00')).body['Num. ERRO'], '008');
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'open'));
  });

  test('admin API sets the maximum: up to it settles, a centavo above → 008', async () => {
    const put = await setRules({ maxDiscountPercent: 10, allowZeroValue: false });
    assert.equal(put.status, 200);
    assert.deepEqual(put.body, { allowZeroValue: false, maxDiscountPercent: 10 });
    const above = await orderFor(t.app, t.db, s, token, [10000, 5000]);
    const r = await v2(above.idPagamento, '134,99', '15,01');
    assert.equal(r.body['Num. ERRO'], '008');
    assert.match(r.body.Mensagem, /^Desconto de R\$ 15,01 acima do máximo permitido para este perfil \(10 % de R\$ 150,00\)\.$/);
    assert.equal((await v2(above.idPagamento, '135,00', '15,00')).body.status, 'OK');
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'set_settlement_rules').where('entity_id', '=', String(profileId)).execute();
    assert.equal(audit.length, 1);
  });

  test('R$ 0,00 needs allowZeroValue, even with a 100 % maximum discount (V2 and V1)', async () => {
    await setRules({ maxDiscountPercent: 100, allowZeroValue: false });
    const o = await orderFor(t.app, t.db, s, token, [10000]);
    const refused = await v2(o.idPagamento, '0', '100');
    assert.deepEqual(refused.body, { Mensagem: 'Liquidação com valor total R$ 0,00 não permitida para este perfil.', 'Num. ERRO': '008', status: 'ERRO' });
    assert.ok((await invoiceStatuses(t.db, o.invoiceIds)).every((r) => r.status === 'open'));

    // V1 settles at the order's own prices: an order of R$ 0,00 is refused the same way.
    const condition = (await createCardProfile(t.db, s, [{ installments: 1, minCents: 0 }])).conditionIds[0]!;
    const c = await createCustomer(t.db, s);
    const free = await createInvoice(t.db, s, c.id, { amountCents: 0, dueDate: '2026-12-10' });
    const order = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: String(free.id) });
    assert.equal(order.body.status, 'OK', JSON.stringify(order.body));
    const v1 = () => mk(t.app, 'WSMKLiquidacaoFaturas', { token, IDPagamento: order.body.IDPagamento, FormaPgto: condition, conta: s.bankAccountId });
    assert.equal((await v1()).body.Mensagem, 'Liquidação com valor total R$ 0,00 não permitida para este perfil.');

    await setRules({ maxDiscountPercent: 100, allowZeroValue: true });
    assert.equal((await v2(o.idPagamento, '0', '100')).body.status, 'OK');
    assert.equal((await v1()).body.status, 'OK');
  });

  test('admin API errors: bad percent → 400, unknown profile → 404, no session → 401; nothing stored', async () => {
    assert.equal((await setRules({ maxDiscountPercent: 100.5, allowZeroValue: false })).status, 400);
    assert.equal((await setRules({ maxDiscountPercent: 12.345, allowZeroValue: false })).status, 400);
    assert.equal((await setRules({ maxDiscountPercent: 5 })).status, 400);
    assert.equal((await setRules({ maxDiscountPercent: 5, allowZeroValue: false }, 999_999)).status, 404);
    assert.equal((await adminCall(t.app, 'GET', '/profiles/999999/settlement', admin)).status, 404);
    assert.equal((await adminCall(t.app, 'PUT', `/profiles/${profileId}/settlement`, null, { maxDiscountPercent: 50, allowZeroValue: true })).status, 401);
    assert.deepEqual((await adminCall(t.app, 'GET', `/profiles/${profileId}/settlement`, admin)).body, { allowZeroValue: true, maxDiscountPercent: 100 });
    assert.equal((await setRules({ maxDiscountPercent: 12.5, allowZeroValue: false })).body.maxDiscountPercent, 12.5);
  });
});
