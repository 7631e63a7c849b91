import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import {
  countRows,
  createBillingSetup,
  createCardProfile,
  createContract,
  createCustomer,
  createInvoice,
  type Setup,
} from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKPedidoLiquidacao', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let conditions: number[];
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db, { fineBp: 200, interestBp: 100 });
    conditions = (await createCardProfile(t.db, s, [{ installments: 1 }, { installments: 3, minCents: 30000, feeBp: 300 }])).conditionIds;
  });
  after(async () => t.close());

  test('prices each invoice as of today: fine + interest when late, punctuality discount when on time', async () => {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id, { discount: { percentBp: 500, daysBeforeDue: 0 } });
    // Today is 2026-11-24: 14 days late → 2 % fine (200) + 1 %/month pro rata (10000 × 1 % × 14/30 = 47).
    const late = await createInvoice(t.db, s, c.id, { amountCents: 10000, dueDate: '2026-11-10', description: 'Mensalidade novembro/2026' });
    const onTime = await createInvoice(t.db, s, c.id, { amountCents: 10000, dueDate: '2026-12-10', contractId: k.id });
    const res = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: `${late.id};${onTime.id}` });
    assert.equal(res.body.status, 'OK');
    assert.match(res.body.DataHoraExpiracao, /^24\/11\/2026 12:30:00$/);
    assert.match(res.body.IDPagamento, /^[A-Za-z0-9_-]{32}$/);
    const [a, b] = res.body.FaturasDetalhes;
    assert.deepEqual(a, {
      codfatura: late.id,
      data_vencimento: '10/11/2026',
      descricao: 'Mensalidade novembro/2026',
      valor_acrescimo: 2.47,
      valor_cobrar: 102.47,
      valor_desconto: 0,
      valor_original: 100,
    });
    assert.equal(b.valor_desconto, 5);
    assert.equal(b.valor_cobrar, 95);
    assert.equal(res.body.ValorTotal, 197.47);
    assert.equal(res.body.ValorTotalAcre, 2.47);
    assert.equal(res.body.ValorTotalDes, 5);
    assert.deepEqual(
      res.body.FormasPgto.map((f: { codigo: number }) => f.codigo),
      [conditions[0]],
      'the 3x condition needs R$ 300,00',
    );
    const order = await t.db.selectFrom('payment_orders').selectAll().where('public_id', '=', res.body.IDPagamento).executeTakeFirstOrThrow();
    assert.equal(order.status, 'pending');
    assert.equal(order.total_cents, 19747);
  });

  test('FormasPgto lists the conditions the total qualifies for, with fees and instalments', async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id, { amountCents: 40000 });
    const res = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: String(inv.id) });
    assert.deepEqual(res.body.FormasPgto[1], { codigo: conditions[1], descricao: '3x no cartão', parcelas: 3, valor_parcela: 137.34, valor_total: 412 });
  });

  test('two orders never share an IDPagamento', async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id);
    const a = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: String(inv.id) });
    const b = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: String(inv.id) });
    assert.notEqual(a.body.IDPagamento, b.body.IDPagamento);
  });

  test('refuses deleted, suspended, settled and foreign invoices, writing nothing', async () => {
    const c = await createCustomer(t.db, s);
    const other = await createCustomer(t.db, s);
    const ok = await createInvoice(t.db, s, c.id);
    const before = await countRows(t.db, 'payment_orders');
    const cases: Array<[number, string, RegExp]> = [
      [(await createInvoice(t.db, s, c.id, { status: 'deleted' })).id, '008', /excluída/],
      [(await createInvoice(t.db, s, c.id, { status: 'suspended' })).id, '008', /suspensa/],
      [(await createInvoice(t.db, s, c.id, { status: 'paid' })).id, '008', /liquidada/],
      [(await createInvoice(t.db, s, other.id)).id, '008', /não pertence/],
      [999999, '003', /999999/],
    ];
    for (const [id, code, text] of cases) {
      const res = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: `${ok.id};${id}` });
      assert.equal(res.body['Num. ERRO'], code, String(id));
      assert.match(res.body.Mensagem, text);
    }
    assert.equal(await countRows(t.db, 'payment_orders'), before);
  });

  test('parameter errors: unknown customer 003, "," separator 005, missing 006', async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id);
    assert.equal((await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: 999999, faturas: String(inv.id) })).body['Num. ERRO'], '003');
    const comma = await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: `${inv.id},${inv.id}` });
    assert.equal(comma.body['Num. ERRO'], '005');
    assert.match(comma.body.Mensagem, /faturas/);
    assert.equal((await mk(t.app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id })).body['Num. ERRO'], '006');
  });
});
