import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BuiltInVault } from '../../../src/modules/payments/card-gateway.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, TEST_SECRET, type TestApp } from '../../support/build-test-app.ts';
import { countRows, createBillingSetup, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

const VISA = '4111111111111111';

describe('WSMKPerfilCartaoCreditoNovo', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  const register = (cd_cliente: number, extra: Record<string, string | number> = {}) =>
    mk(
      t.app,
      'WSMKPerfilCartaoCreditoNovo',
      { token, portador: 'FULANO DE TAL', mm: 12, aa: 2029, cvv: '123', doc: '529.982.247-25', numero: '4111 1111 1111 1111', debito_auto: 'N', cd_cliente, ativo: 'S', ...extra },
      { method: 'POST' },
    );

  test('stores brand, first6/last4, expiry, holder and a vault token — never the number or the CVV', async () => {
    const c = await createCustomer(t.db, s, { name: 'FULANO' });
    const res = await register(c.id);
    assert.equal(res.body.status, 'OK', res.raw);
    assert.equal(res.body.CodigoPessoa, c.id);
    assert.deepEqual(res.body.FaturasDebitoAgendado, []);
    assert.deepEqual(res.body.Cartao, {
      ativo: 'S',
      bandeira: 'visa',
      cartao: '411111******1111',
      cd_cartao: res.body.Cartao.cd_cartao,
      portador: 'FULANO DE TAL',
      recorrencia: 'N',
      validade: '12/2029',
    });
    const card = await t.db.selectFrom('credit_cards').selectAll().where('id', '=', res.body.Cartao.cd_cartao).executeTakeFirstOrThrow();
    assert.equal(card.first6, '411111');
    assert.equal(card.last4, '1111');
    assert.equal(card.holder_document, '52998224725');
    const dump = JSON.stringify(await t.db.selectFrom('credit_cards').selectAll().execute()) +
      JSON.stringify(await t.db.selectFrom('card_vault_entries').selectAll().execute()) +
      JSON.stringify(await t.db.selectFrom('credit_card_attempts').selectAll().execute()) +
      JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    assert.ok(!dump.includes(VISA), 'full number stored in clear');
    const vault = new BuiltInVault(TEST_SECRET);
    const revealed = await vault.reveal(t.db, card.vault_token);
    assert.deepEqual(revealed, { number: VISA, expiryMonth: 12, expiryYear: 2029, holder: 'FULANO DE TAL' });
    assert.equal(await new BuiltInVault(`${TEST_SECRET}-other`).reveal(t.db, card.vault_token).catch(() => 'refused'), 'refused');
  });

  test('debito_auto=S schedules the open invoices not yet due on the card and lists them', async () => {
    const c = await createCustomer(t.db, s);
    const due = await createInvoice(t.db, s, c.id, { dueDate: '2026-12-10', amountCents: 9990 });
    const overdue = await createInvoice(t.db, s, c.id, { dueDate: '2026-11-10' });
    await createInvoice(t.db, s, c.id, { dueDate: '2026-12-20', status: 'paid' });
    const res = await register(c.id, { debito_auto: 'S' });
    assert.deepEqual(res.body.FaturasDebitoAgendado, [{ codfatura: due.id, data_vencimento: '10/12/2026', valor: 99.9 }]);
    const rows = await t.db.selectFrom('invoices').select(['id', 'credit_card_id']).where('id', 'in', [due.id, overdue.id]).orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => r.credit_card_id),
      [res.body.Cartao.cd_cartao, null],
    );
  });

  test('at most 3 attempts per customer per 24 h (refused ones count); 011 after that', async () => {
    const c = await createCustomer(t.db, s);
    assert.equal((await register(c.id)).body.status, 'OK');
    assert.equal((await register(c.id, { numero: '4111111111111112' })).body['Num. ERRO'], '005');
    assert.equal((await register(c.id, { numero: '5555555555554444' })).body.status, 'OK');
    const cards = await countRows(t.db, 'credit_cards');
    const limited = await register(c.id, { numero: '5555555555554444' });
    assert.equal(limited.body['Num. ERRO'], '011');
    assert.match(limited.body.Mensagem, /3 tentativas/);
    assert.equal(await countRows(t.db, 'credit_cards'), cards);
    const other = await createCustomer(t.db, s);
    assert.equal((await register(other.id)).body.status, 'OK', 'the limit is per customer');
    const start = t.clock.now();
    t.clock.advance(24 * 3_600_000 + 1000);
    try {
      const later = await tokenFor(t.db, { now: t.clock.now() });
      const res = await register(c.id, { token: later });
      assert.equal(res.body.status, 'OK', `the window slides: ${res.raw}`);
    } finally {
      t.clock.set(start);
    }
  });

  test('concurrent attempts cannot exceed the limit', async () => {
    const c = await createCustomer(t.db, s);
    const results = await Promise.all(Array.from({ length: 6 }, () => register(c.id)));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 3);
  });

  test('refusals write no card: bad Luhn, expired, wrong CVV length, recurring on an inactive card, unknown customer', async () => {
    const cards = await countRows(t.db, 'credit_cards');
    const cases: Array<[Record<string, string | number>, string, RegExp]> = [
      [{ numero: '4111111111111112' }, '005', /numero/],
      [{ mm: 10, aa: 2026 }, '005', /vencido/],
      [{ cvv: '1234' }, '005', /cvv/],
      [{ debito_auto: 'S', ativo: 'N' }, '005', /debito_auto/],
      [{ doc: '11111111111' }, '005', /doc/],
      [{ debito_auto: 'X' }, '005', /debito_auto/],
    ];
    for (const [extra, code, text] of cases) {
      const c = await createCustomer(t.db, s);
      const res = await register(c.id, extra);
      assert.equal(res.body['Num. ERRO'], code, JSON.stringify(extra));
      assert.match(res.body.Mensagem, text);
    }
    assert.equal((await register(999999)).body['Num. ERRO'], '003');
    assert.equal(await countRows(t.db, 'credit_cards'), cards);
  });
});
