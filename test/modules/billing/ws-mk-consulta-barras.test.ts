import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBarcode, formatLinhaDigitavel } from '../../../src/lib/boleto.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConsultaBarras', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let inv: Awaited<ReturnType<typeof createInvoice>>;
  let customerId: number;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db, { services: [20] });
    s = await createBillingSetup(t.db);
    customerId = (await createCustomer(t.db, s, { name: 'MARIA' })).id;
    inv = await createInvoice(t.db, s, customerId, { amountCents: 15000, dueDate: '2026-11-10' });
  });
  after(async () => t.close());

  test('finds the invoice by barcode, by linha digitável, with or without separators', async () => {
    const formatted = formatLinhaDigitavel(inv.linha!);
    const dashed = `${inv.barcode!.slice(0, 20)}-${inv.barcode!.slice(20)}`;
    for (const barras of [inv.barcode!, inv.linha!, formatted, dashed]) {
      const res = await mk(t.app, 'WSMKConsultaBarras', { token, barras });
      assert.equal(res.body.status, 'OK', barras);
      assert.equal(res.body.CodigoPessoa, customerId);
      assert.equal(res.body.Nome, 'MARIA');
      const [item] = res.body.DadosFatura;
      assert.equal(item.codfatura, inv.id);
      assert.equal(item.valor_total, 150);
      assert.equal(item.ld, formatted);
      assert.equal(item.barras, inv.barcode);
      assert.equal(item.situacao, 'Vencida');
      assert.equal(item.liquidado, 'N');
    }
  });

  test('the documented name codigoBarra works as an alias', async () => {
    const res = await mk(t.app, 'WSMKConsultaBarras', { token, codigoBarra: inv.barcode! });
    assert.equal(res.body.DadosFatura[0].codfatura, inv.id);
  });

  test('a wrong check digit is refused with a clear 005, in either form', async () => {
    const b = inv.barcode!;
    const badBarcode = `${b.slice(0, 4)}${(Number(b[4]) + 1) % 10}${b.slice(5)}`;
    const l = inv.linha!;
    const badLinha = `${l.slice(0, 9)}${(Number(l[9]) + 1) % 10}${l.slice(10)}`;
    for (const barras of [badBarcode, badLinha]) {
      const res = await mk(t.app, 'WSMKConsultaBarras', { token, barras });
      assert.equal(res.body['Num. ERRO'], '005');
      assert.match(res.body.Mensagem, /dígito verificador/);
    }
  });

  test('wrong length or letters → 005 naming the forms; missing → 006', async () => {
    for (const barras of ['123', 'abc', `${inv.barcode}1`]) {
      const res = await mk(t.app, 'WSMKConsultaBarras', { token, barras });
      assert.equal(res.body['Num. ERRO'], '005');
      assert.match(res.body.Mensagem, /44 dígitos/);
    }
    assert.equal((await mk(t.app, 'WSMKConsultaBarras', { token })).body['Num. ERRO'], '006');
  });

  test('a valid code of no invoice, or of a deleted one → 003', async () => {
    const deleted = await createInvoice(t.db, s, customerId, { status: 'deleted', amountCents: 777 });
    const unknown = buildBarcode({ bankCode: '341', dueDate: '2026-12-01', amountCents: 4321, freeField: '1'.repeat(25) });
    for (const barras of [deleted.barcode!, unknown]) {
      const res = await mk(t.app, 'WSMKConsultaBarras', { token, barras });
      assert.deepEqual(res.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
    }
  });
});
