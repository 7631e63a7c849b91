import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode } from '../../../src/modules/plans/lookups.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, type Setup } from '../../support/factories/billing.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('WSMKConsultaContasBancarias', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let itau: number;
  let cash: number;
  let closed: number;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    const ins = async (values: Record<string, unknown>) =>
      (await t.db.insertInto('bank_accounts').values({ company_id: s.companyId, ...values } as never).returning('id').executeTakeFirstOrThrow()).id;
    itau = await ins({ description: 'Itaú - recebimentos de cartão', bank_code: '341', agency: '0912', account_number: '45678', account_digit: '3', wallet: '109' });
    cash = await ins({ description: 'Caixa da loja', kind: 'cash' });
    closed = await ins({ description: 'Itaú antigo', bank_code: '341', agency: '0001', account_number: '1', active: false });
  });
  after(async () => t.close());

  test('without descricao: every active account (the conta codes of the liquidations), by company and code', async () => {
    const res = await mk(t.app, 'WSMKConsultaContasBancarias', { token });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(res.body.ContasBancarias.map((a: { codigo: number }) => a.codigo), [s.bankAccountId, itau, cash]);
    assert.deepEqual(res.body.ContasBancarias[1], {
      agencia: '0912',
      banco: '341',
      carteira: '109',
      cd_empresa: s.companyId,
      codigo: itau,
      conta: '45678-3',
      descricao: 'Itaú - recebimentos de cartão',
      tipo: 'Banco',
    });
    assert.deepEqual(res.body.ContasBancarias[2], {
      agencia: '', banco: '', carteira: '', cd_empresa: s.companyId, codigo: cash, conta: '', descricao: 'Caixa da loja', tipo: 'Caixa',
    });
    assert.equal(await isAcceptedCode(t.db, 'bankAccount', itau, s.companyId), true);
    assert.equal(await isAcceptedCode(t.db, 'bankAccount', closed, s.companyId), false);
  });

  test('with descricao: name contains the text, case- and accent-insensitive; no match → empty list', async () => {
    const res = await mk(t.app, 'WSMKConsultaContasBancarias', { token, descricao: 'itau' });
    assert.deepEqual(res.body.ContasBancarias.map((a: { codigo: number }) => a.codigo), [itau]);
    assert.deepEqual((await mk(t.app, 'WSMKConsultaContasBancarias', { token, descricao: 'Sicredi' })).body, { ContasBancarias: [], status: 'OK' });
  });

  test('a blank or too long descricao → 005', async () => {
    for (const descricao of ['   ', 'x'.repeat(121)]) {
      const res = await mk(t.app, 'WSMKConsultaContasBancarias', { token, descricao });
      assert.ok(isMkErrorBody(res.body, '005'));
      assert.match(res.body.Mensagem, /descricao/);
    }
  });
});
