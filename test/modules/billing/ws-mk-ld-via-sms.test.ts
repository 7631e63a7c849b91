import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatLinhaDigitavel } from '../../../src/lib/boleto.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { countRows, createBillingSetup, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKLDViaSMS', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db, { services: [21] });
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  test('queues an SMS with the linha digitável in the outbox and answers DadosFatura', async () => {
    const c = await createCustomer(t.db, s, { name: 'FULANO', phone: '34999990000' });
    const inv = await createInvoice(t.db, s, c.id, { amountCents: 9990, dueDate: '2026-12-10' });
    const res = await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: inv.id });
    assert.deepEqual(Object.keys(res.body), ['DadosFatura', 'status']);
    const [d] = res.body.DadosFatura;
    assert.deepEqual(d, {
      celular: '34999990000',
      codfatura: inv.id,
      codigopessoa: c.id,
      data_vencimento: '10/12/2026',
      descricao: d.descricao,
      ld: formatLinhaDigitavel(inv.linha!),
      nome: 'FULANO',
      situacao: 'Aberta',
      valor_nominal: 99.9,
    });
    const sms = await t.db.selectFrom('notification_outbox').selectAll().where('invoice_id', '=', inv.id).execute();
    assert.equal(sms.length, 1);
    assert.equal(sms[0]!.channel, 'sms');
    assert.equal(sms[0]!.recipient, '34999990000');
    assert.equal(sms[0]!.purpose, 'digitable_line');
    assert.equal(sms[0]!.status, 'pending');
    assert.ok(sms[0]!.body.includes(formatLinhaDigitavel(inv.linha!)));
  });

  test('codigoDaFatura (the documented name) works too', async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id);
    const res = await mk(t.app, 'WSMKLDViaSMS', { token, codigoDaFatura: inv.id });
    assert.equal(res.body.DadosFatura[0].codfatura, inv.id);
  });

  test('refusals queue nothing: no mobile 008, paid 008, deleted/unknown 003, missing 006', async () => {
    const before = await countRows(t.db, 'notification_outbox');
    const noPhone = await createCustomer(t.db, s, { phone: null });
    const a = await createInvoice(t.db, s, noPhone.id);
    const r1 = await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: a.id });
    assert.equal(r1.body['Num. ERRO'], '008');
    assert.match(r1.body.Mensagem, /celular/);
    const c = await createCustomer(t.db, s);
    const paid = await createInvoice(t.db, s, c.id, { status: 'paid' });
    assert.equal((await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: paid.id })).body['Num. ERRO'], '008');
    const deleted = await createInvoice(t.db, s, c.id, { status: 'deleted' });
    // Exactly this body: a billing client deletes its local record only on this text (wire-formats §2).
    const notFound = { Mensagem: 'Fatura não localizada.', 'Num. ERRO': '003', status: 'ERRO' };
    assert.deepEqual((await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: deleted.id })).body, notFound);
    assert.deepEqual((await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: 999999 })).body, notFound);
    assert.equal((await mk(t.app, 'WSMKLDViaSMS', { token })).body['Num. ERRO'], '006');
    assert.equal(await countRows(t.db, 'notification_outbox'), before);
  });
});
