import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createCustomer, createInvoice, createSuspensionReason, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKAlteraStatusFaturas', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let customerId: number;
  let reason: number;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    customerId = (await createCustomer(t.db, s)).id;
    reason = await createSuspensionReason(t.db);
  });
  after(async () => t.close());

  const statusOf = async (ids: number[]) =>
    (await t.db.selectFrom('invoices').select(['id', 'status', 'suspension_reason_id', 'suspension_note']).where('id', 'in', ids).orderBy('id').execute());

  test('suspends several invoices separated by ",", then reopens them; audit written', async () => {
    const a = await createInvoice(t.db, s, customerId);
    const b = await createInvoice(t.db, s, customerId);
    const res = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'S', motivo_suspensao: reason, observacoes: 'Contestação', faturas: `${a.id},${b.id}` });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(res.body.Faturas, [
      { codfatura: a.id, situacao: 'Suspensa' },
      { codfatura: b.id, situacao: 'Suspensa' },
    ]);
    for (const row of await statusOf([a.id, b.id])) {
      assert.equal(row.status, 'suspended');
      assert.equal(row.suspension_reason_id, reason);
      assert.equal(row.suspension_note, 'Contestação');
    }
    const audit = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'invoice_suspended').execute();
    assert.equal(audit.length, 2);
    const back = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'N', faturas: `${a.id},${b.id}` });
    assert.equal(back.body.status, 'OK');
    assert.ok((await statusOf([a.id, b.id])).every((r) => r.status === 'open' && r.suspension_reason_id === null));
  });

  test('motivo_suspensao is required to suspend (006), must exist and be active (005)', async () => {
    const a = await createInvoice(t.db, s, customerId);
    const missing = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'S', faturas: String(a.id) });
    assert.equal(missing.body['Num. ERRO'], '006');
    assert.match(missing.body.Mensagem, /motivo_suspensao/);
    const inactive = await createSuspensionReason(t.db, false);
    for (const motivo of [999999, inactive]) {
      const r = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'S', motivo_suspensao: motivo, faturas: String(a.id) });
      assert.equal(r.body['Num. ERRO'], '005');
    }
    assert.equal((await statusOf([a.id]))[0]!.status, 'open');
  });

  test('all or nothing: one bad invoice leaves every invoice unchanged', async () => {
    const a = await createInvoice(t.db, s, customerId);
    const paid = await createInvoice(t.db, s, customerId, { status: 'paid' });
    const r1 = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'S', motivo_suspensao: reason, faturas: `${a.id},${paid.id}` });
    assert.equal(r1.body['Num. ERRO'], '008');
    const r2 = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'S', motivo_suspensao: reason, faturas: `${a.id},999999` });
    assert.equal(r2.body['Num. ERRO'], '003');
    assert.equal((await statusOf([a.id]))[0]!.status, 'open');
    const r3 = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'N', faturas: String(a.id) });
    assert.equal(r3.body['Num. ERRO'], '008');
    assert.match(r3.body.Mensagem, /não está suspensa/);
  });

  test('faturas must be ","-separated codes; suspender must be S or N', async () => {
    const a = await createInvoice(t.db, s, customerId);
    const semi = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'N', faturas: `${a.id};${a.id}` });
    assert.equal(semi.body['Num. ERRO'], '005');
    assert.match(semi.body.Mensagem, /faturas/);
    const flag = await mk(t.app, 'WSMKAlteraStatusFaturas', { token, suspender: 'X', faturas: String(a.id) });
    assert.equal(flag.body['Num. ERRO'], '005');
  });
});
