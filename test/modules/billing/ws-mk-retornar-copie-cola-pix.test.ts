import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parsePixPayload, verifyPixCrc } from '../../../src/lib/pix.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import {
  createBillingSetup,
  createConnection,
  createContract,
  createCustomer,
  createInvoice,
  type Setup,
} from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKRetornarCopieColaPix', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db, { pix: true });
  });
  after(async () => t.close());

  test('by CodigoFatura: BR Code with valid CRC, company key, amount and txid of the invoice', async () => {
    const c = await createCustomer(t.db, s, { name: 'FULANO' });
    const inv = await createInvoice(t.db, s, c.id, { amountCents: 12345 });
    const res = await mk(t.app, 'WSMKRetornarCopieColaPix', { token, CodigoFatura: inv.id });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.codpessoa, c.id);
    assert.equal(res.body.nome_razaosocial, 'FULANO');
    assert.equal(res.body.status_contrato, 'Não');
    assert.equal(res.body['conexão_reduzida'], 'Não');
    assert.ok(verifyPixCrc(res.body.texto_qrcode));
    const parsed = parsePixPayload(res.body.texto_qrcode)!;
    assert.equal(parsed.amountCents, 12345);
    assert.equal(parsed.merchantName, 'PROVEDOR TESTE');
    assert.equal(parsed.merchantCity, 'SAO PAULO');
    assert.match(parsed.txid!, /^FAT\d+$/);
    const company = await t.db.selectFrom('companies').select('pix_key').where('id', '=', s.companyId).executeTakeFirstOrThrow();
    assert.equal(parsed.key, company.pix_key);
  });

  test('by CodigoCliente or Documento, not overdue: the invoice due soonest', async () => {
    const c = await createCustomer(t.db, s);
    await createInvoice(t.db, s, c.id, { dueDate: '2027-01-10' });
    const soonest = await createInvoice(t.db, s, c.id, { dueDate: '2026-12-10' });
    await createInvoice(t.db, s, c.id, { dueDate: '2026-11-01', status: 'paid' });
    for (const params of [{ CodigoCliente: c.id }, { Documento: c.document }]) {
      const res = await mk(t.app, 'WSMKRetornarCopieColaPix', { token, ...params });
      assert.equal(res.body.codfatura, soonest.id, JSON.stringify(params));
    }
  });

  test('overdue customer: the invoice overdue the longest', async () => {
    const c = await createCustomer(t.db, s);
    await createInvoice(t.db, s, c.id, { dueDate: '2026-11-30' });
    await createInvoice(t.db, s, c.id, { dueDate: '2026-11-10' });
    const oldest = await createInvoice(t.db, s, c.id, { dueDate: '2026-10-10' });
    const res = await mk(t.app, 'WSMKRetornarCopieColaPix', { token, CodigoCliente: c.id });
    assert.equal(res.body.codfatura, oldest.id);
  });

  test('status_contrato Sim for a cancelled contract; conexão_reduzida Sim for a blocked connection', async () => {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id, { status: 'cancelled' });
    await createConnection(t.db, s, c.id, k, true);
    const inv = await createInvoice(t.db, s, c.id, { contractId: k.id });
    const res = await mk(t.app, 'WSMKRetornarCopieColaPix', { token, CodigoFatura: inv.id });
    assert.equal(res.body.status_contrato, 'Sim');
    assert.equal(res.body['conexão_reduzida'], 'Sim');
  });

  test('no parameter → lower-case 004 envelope', async () => {
    const res = await mk(t.app, 'WSMKRetornarCopieColaPix', { token });
    assert.deepEqual(Object.keys(res.body), ['codigo_erro', 'mensagem', 'status']);
    assert.equal(res.body.codigo_erro, '004');
  });

  test('PIX off in the profile → 004 "configuração não permite"', async () => {
    const off = await createBillingSetup(t.db, { pix: false });
    const c = await createCustomer(t.db, off);
    const inv = await createInvoice(t.db, off, c.id);
    const res = await mk(t.app, 'WSMKRetornarCopieColaPix', { token, CodigoFatura: inv.id });
    assert.equal(res.body.codigo_erro, '004');
    assert.match(res.body.mensagem, /configuração não permite/);
  });

  test('not found: unknown invoice, invoice of another customer, customer without open invoices, unknown document', async () => {
    const a = await createCustomer(t.db, s);
    const b = await createCustomer(t.db, s);
    const invA = await createInvoice(t.db, s, a.id);
    const cases = [{ CodigoFatura: 999999 }, { CodigoFatura: invA.id, CodigoCliente: b.id }, { CodigoCliente: b.id }, { Documento: '11144477735' }];
    for (const params of cases) {
      const res = await mk(t.app, 'WSMKRetornarCopieColaPix', { token, ...params });
      assert.equal(res.body.codigo_erro, '003', JSON.stringify(params));
    }
    const paid = await createInvoice(t.db, s, a.id, { status: 'paid' });
    assert.equal((await mk(t.app, 'WSMKRetornarCopieColaPix', { token, CodigoFatura: paid.id })).body.codigo_erro, '008');
    const bad = await mk(t.app, 'WSMKRetornarCopieColaPix', { token, Documento: '12345678900' });
    assert.equal(bad.body.codigo_erro, '005');
  });
});
