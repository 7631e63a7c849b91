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
    const inv = await createInvoice(t.db, s, c.id, { amountCents: 9990, dueDate: '2026-12-10', description: 'Mensalidade dezembro/2026' });
    const res = await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: inv.id });
    assert.deepEqual(Object.keys(res.body), ['DadosFatura', 'status']);
    const [d] = res.body.DadosFatura;
    assert.deepEqual(d, {
      celular: '34999990000',
      codfatura: inv.id,
      codigopessoa: c.id,
      data_vencimento: '10/12/2026',
      descricao: 'Mensalidade dezembro/2026',
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

  const smsRows = (invoiceId: number) =>
    t.db.selectFrom('notification_outbox').select(['id', 'created_at']).where('invoice_id', '=', invoiceId).execute();

  test('a repeat for the same invoice within 30 min answers the same success and queues nothing; after the window it queues again', async () => {
    const c = await createCustomer(t.db, s, { phone: '34988887777' });
    const inv = await createInvoice(t.db, s, c.id);
    const first = await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: inv.id });
    const again = await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: inv.id });
    assert.equal(again.body.status, 'OK');
    assert.deepEqual(again.body, first.body);
    assert.equal((await smsRows(inv.id)).length, 1);
    t.clock.advance(29 * 60_000);
    await mk(t.app, 'WSMKLDViaSMS', { token, cd_fatura: inv.id });
    assert.equal((await smsRows(inv.id)).length, 1);
    t.clock.advance(2 * 60_000);
    const fresh = await tokenFor(t.db, { services: [21], now: t.clock.now() });
    assert.equal((await mk(t.app, 'WSMKLDViaSMS', { token: fresh, cd_fatura: inv.id })).body.status, 'OK');
    assert.equal((await smsRows(inv.id)).length, 2);
  });

  test('concurrent calls for one invoice queue exactly one SMS', async () => {
    const c = await createCustomer(t.db, s, { phone: '34988886666' });
    const inv = await createInvoice(t.db, s, c.id);
    const fresh = await tokenFor(t.db, { services: [21], now: t.clock.now() });
    const answers = await Promise.all(Array.from({ length: 6 }, () => mk(t.app, 'WSMKLDViaSMS', { token: fresh, cd_fatura: inv.id })));
    assert.ok(answers.every((a) => a.body.status === 'OK'));
    assert.equal((await smsRows(inv.id)).length, 1);
  });

  test('at most 5 SMS per customer in 24 h: the 6th invoice gets 011 and queues nothing; a day later it goes', async () => {
    const c = await createCustomer(t.db, s, { phone: '34988885555' });
    const invoices = [];
    for (let i = 0; i < 6; i++) invoices.push(await createInvoice(t.db, s, c.id));
    let fresh = await tokenFor(t.db, { services: [21], now: t.clock.now() });
    for (const inv of invoices.slice(0, 5)) assert.equal((await mk(t.app, 'WSMKLDViaSMS', { token: fresh, cd_fatura: inv.id })).body.status, 'OK');
    const sixth = await mk(t.app, 'WSMKLDViaSMS', { token: fresh, cd_fatura: invoices[5]!.id });
    assert.deepEqual(sixth.body, {
      Mensagem: 'Limite de 5 SMS por cliente em 24 horas atingido. Tente novamente mais tarde.',
      'Num. ERRO': '011',
      status: 'ERRO',
    });
    assert.equal((await smsRows(invoices[5]!.id)).length, 0);
    t.clock.advance(24 * 3_600_000 + 1000);
    fresh = await tokenFor(t.db, { services: [21], now: t.clock.now() });
    assert.equal((await mk(t.app, 'WSMKLDViaSMS', { token: fresh, cd_fatura: invoices[5]!.id })).body.status, 'OK');
    assert.equal((await smsRows(invoices[5]!.id)).length, 1);
  });

  test('window and cap come from the configuration (SMS_INVOICE_DEDUP_MINUTES=0, SMS_DAILY_LIMIT_PER_CUSTOMER=2)', async () => {
    const u = await buildTestApp({ config: { smsInvoiceDedupMinutes: 0, smsDailyLimitPerCustomer: 2 } });
    try {
      const tk = await tokenFor(u.db, { services: [21] });
      const su = await createBillingSetup(u.db);
      const c = await createCustomer(u.db, su, { phone: '34988884444' });
      const inv = await createInvoice(u.db, su, c.id);
      assert.equal((await mk(u.app, 'WSMKLDViaSMS', { token: tk, cd_fatura: inv.id })).body.status, 'OK');
      assert.equal((await mk(u.app, 'WSMKLDViaSMS', { token: tk, cd_fatura: inv.id })).body.status, 'OK');
      assert.equal((await mk(u.app, 'WSMKLDViaSMS', { token: tk, cd_fatura: inv.id })).body['Num. ERRO'], '011');
      assert.equal(await countRows(u.db, 'notification_outbox'), 2);
    } finally {
      await u.close();
    }
  });
});
