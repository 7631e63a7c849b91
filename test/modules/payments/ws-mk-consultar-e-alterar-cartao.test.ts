import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConsultarCartao and WSMKAlterarCartao', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  async function cardFor(customerId: number, numero = '5555555555554444') {
    const res = await mk(
      t.app,
      'WSMKPerfilCartaoCreditoNovo',
      { token, portador: 'TITULAR', mm: 1, aa: 2030, cvv: '321', doc: '52998224725', numero, debito_auto: 'N', cd_cliente: customerId, ativo: 'S' },
      { method: 'POST' },
    );
    return res.body.Cartao.cd_cartao as number;
  }

  test('ConsultarCartao lists the masked cards; none → empty list; unknown customer → 003', async () => {
    const c = await createCustomer(t.db, s, { name: 'CLIENTE CARTÃO' });
    const id = await cardFor(c.id);
    const res = await mk(t.app, 'WSMKConsultarCartao', { token, codigo_cliente: c.id });
    assert.equal(res.body.Nome, 'CLIENTE CARTÃO');
    assert.deepEqual(res.body.Cartoes, [
      { ativo: 'S', bandeira: 'mastercard', cartao: '555555******4444', cd_cartao: id, portador: 'TITULAR', recorrencia: 'N', validade: '01/2030' },
    ]);
    const empty = await createCustomer(t.db, s);
    assert.deepEqual((await mk(t.app, 'WSMKConsultarCartao', { token, codigo_cliente: empty.id })).body.Cartoes, []);
    assert.equal((await mk(t.app, 'WSMKConsultarCartao', { token, codigo_cliente: 999999 })).body['Num. ERRO'], '003');
  });

  test('the four operations: recurring on (schedules invoices), recurring off, deactivate, activate', async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id, { dueDate: '2026-12-10' });
    const id = await cardFor(c.id);
    const alter = (ativar: string, recorencia: string) => mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: id, ativar, recorencia }, { method: 'POST' });
    const cardOf = () => t.db.selectFrom('invoices').select('credit_card_id').where('id', '=', inv.id).executeTakeFirstOrThrow();

    const on = await alter('S', 'S');
    assert.equal(on.body.Mensagem, 'Recorrência ativada.');
    assert.equal(on.body.Cartao.recorrencia, 'S');
    assert.deepEqual(on.body.FaturasDebitoAgendado.map((f: { codfatura: number }) => f.codfatura), [inv.id]);
    assert.equal((await cardOf()).credit_card_id, id);

    const off = await alter('S', 'N');
    assert.equal(off.body.Mensagem, 'Recorrência desativada.');
    assert.equal((await cardOf()).credit_card_id, null);

    const deactivated = await alter('N', 'N');
    assert.equal(deactivated.body.Mensagem, 'Cartão desativado.');
    assert.equal(deactivated.body.Cartao.ativo, 'N');
    const row = await t.db.selectFrom('credit_cards').select(['active', 'deactivated_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.active, false);
    assert.ok(row.deactivated_at);

    assert.equal((await alter('S', 'N')).body.Mensagem, 'Cartão ativado.');
  });

  test('one recurring card per customer: turning it on for a card turns it off on the others', async () => {
    const c = await createCustomer(t.db, s);
    const a = await cardFor(c.id);
    const b = await cardFor(c.id, '4111111111111111');
    await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: a, ativar: 'S', recorencia: 'S' });
    await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: b, ativar: 'S', recorencia: 'S' });
    const rows = await t.db.selectFrom('credit_cards').select(['id', 'recurring']).where('customer_id', '=', c.id).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.recurring), [false, true]);
  });

  test('parameters in the query string work; the "recorrencia" spelling too; errors 003/005/006', async () => {
    const c = await createCustomer(t.db, s);
    const id = await cardFor(c.id);
    const q = await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: id, ativar: 'S', recorrencia: 'N' });
    assert.equal(q.body.status, 'OK');
    assert.equal((await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: 999999, ativar: 'S', recorencia: 'N' })).body['Num. ERRO'], '003');
    const bad = await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: id, ativar: 'N', recorencia: 'S' });
    assert.equal(bad.body['Num. ERRO'], '005');
    assert.equal((await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: id, ativar: 'S' })).body['Num. ERRO'], '006');
    const row = await t.db.selectFrom('credit_cards').select(['active', 'recurring']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { active: true, recurring: false });
  });
});
