import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';
import { pdfText } from './pdf-text.ts';
import { formatLinhaDigitavel } from '../../../src/lib/boleto.ts';

describe('WSMKSegundaViaCobranca and the boleto PDF link', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db, { services: [1] });
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  const pathOf = (url: string) => url.replace('http://provedor.test', '');

  test('answers the CONFIRMED shape: Fatura string, Valor "R$ x,xx", Vcto DD/MM/YYYY, PathDownload', async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id, { amountCents: 123456, dueDate: '2026-12-10' });
    const res = await mk(t.app, 'WSMKSegundaViaCobranca', { token, cd_fatura: inv.id });
    assert.deepEqual(Object.keys(res.body), ['CodigoPessoa', 'Fatura', 'PathDownload', 'Valor', 'Vcto', 'status']);
    assert.equal(res.body.CodigoPessoa, c.id);
    assert.equal(res.body.Fatura, String(inv.id));
    assert.equal(res.body.Valor, 'R$ 1.234,56');
    assert.equal(res.body.Vcto, '10/12/2026');
    assert.match(res.body.PathDownload, /^http:\/\/provedor\.test\/boletos\/[\w.-]+\.pdf$/);
  });

  test('the link downloads a PDF without a session token, with the linha digitável printed', async () => {
    const c = await createCustomer(t.db, s, { name: 'JOÃO DA SILVA' });
    const inv = await createInvoice(t.db, s, c.id, { amountCents: 9990, dueDate: '2026-12-10' });
    const res = await mk(t.app, 'WSMKSegundaViaCobranca', { token, cd_fatura: inv.id });
    const pdf = await t.app.inject({ url: pathOf(res.body.PathDownload) });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const expected of [formatLinhaDigitavel(inv.linha!), 'JOÃO DA SILVA', 'R$ 99,90', '10/12/2026', 'Provedor Teste', 'Nosso número', '237-2']) {
      assert.ok(text.includes(expected), `PDF lacks ${expected}`);
    }
  });

  test('the PIX QR code is embedded only when the company has PIX', async () => {
    const noPix = await createBillingSetup(t.db, { pix: false });
    const sizes: number[] = [];
    for (const setup of [s, noPix]) {
      const c = await createCustomer(t.db, setup);
      const inv = await createInvoice(t.db, setup, c.id);
      const res = await mk(t.app, 'WSMKSegundaViaCobranca', { token, cd_fatura: inv.id });
      const pdf = await t.app.inject({ url: pathOf(res.body.PathDownload) });
      assert.equal(pdf.statusCode, 200);
      sizes.push(pdf.rawPayload.includes('/Subtype /Image') ? 1 : 0);
    }
    assert.deepEqual(sizes, [1, 0]);
  });

  test('an expired link is refused (410); garbage and tampered links 404', async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id);
    const res = await mk(t.app, 'WSMKSegundaViaCobranca', { token, cd_fatura: inv.id });
    const path = pathOf(res.body.PathDownload);
    const other = await createInvoice(t.db, s, c.id);
    const tampered = path.replace(`/boletos/${inv.id}.`, `/boletos/${other.id}.`);
    assert.equal((await t.app.inject({ url: tampered })).statusCode, 404);
    for (const url of ['/boletos/garbage.pdf', '/boletos/1.9999999999.xxx.pdf', path.replace('.pdf', '.txt')]) {
      const r = await t.app.inject({ url });
      assert.equal(r.statusCode, 404, url);
      assert.equal(JSON.parse(r.body).status, 'ERRO');
    }
    const before = t.clock.now();
    t.clock.advance(73 * 3_600_000);
    try {
      const expired = await t.app.inject({ url: path });
      assert.equal(expired.statusCode, 410);
    } finally {
      t.clock.set(before);
    }
  });

  test('deleted/unknown → 003; paid and suspended → 008; invoice without boleto → 008', async () => {
    const c = await createCustomer(t.db, s);
    const deleted = await createInvoice(t.db, s, c.id, { status: 'deleted' });
    const paid = await createInvoice(t.db, s, c.id, { status: 'paid' });
    const suspended = await createInvoice(t.db, s, c.id, { status: 'suspended' });
    const noBoleto = await createInvoice(t.db, s, c.id, { withBoleto: false });
    for (const id of [deleted.id, 999999]) {
      const r = await mk(t.app, 'WSMKSegundaViaCobranca', { token, cd_fatura: id });
      assert.deepEqual(r.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
    }
    for (const [id, text] of [
      [paid.id, /liquidada/],
      [suspended.id, /suspensa/],
      [noBoleto.id, /sem boleto/],
    ] as const) {
      const r = await mk(t.app, 'WSMKSegundaViaCobranca', { token, cd_fatura: id });
      assert.equal(r.body['Num. ERRO'], '008');
      assert.match(r.body.Mensagem, text);
    }
  });

  test('several cd_fatura values are refused with 005 instead of a crash', async () => {
    const res = await t.app.inject({ url: `/mk/WSMKSegundaViaCobranca.rule?sys=MK0&token=${token}&cd_fatura=1;2` });
    assert.equal(JSON.parse(res.body)['Num. ERRO'], '005');
  });
});
