import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode } from '../../../src/modules/plans/lookups.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, type Setup } from '../../support/factories/billing.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('WSMKListaProfilePagamento', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let card: number;
  let inactive: number;
  let conditions: number[];
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db, { fineBp: 200, interestBp: 100 });
    const ins = async (name: string, method: number, active = true) =>
      (
        await t.db
          .insertInto('payment_profiles')
          .values({ company_id: s.companyId, name, payment_method_id: method, bank_account_id: s.bankAccountId, active, card_acquirer: method === 3 ? 'cielo' : null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    card = await ins('Cartão de crédito Cielo', 3);
    inactive = await ins('Cartão antigo', 3, false);
    conditions = [];
    for (const [installments, min, fee, active] of [[1, 0, 0, true], [3, 30000, 299, true], [6, 60000, 499, false]] as const) {
      const row = await t.db
        .insertInto('payment_conditions')
        .values({ payment_profile_id: card, description: installments === 1 ? 'À vista' : `${installments}x sem juros`, installments, min_amount_cents: min, fee_basis_points: fee, active })
        .returning('id')
        .executeTakeFirstOrThrow();
      conditions.push(row.id);
    }
  });
  after(async () => t.close());

  test('every active profile (CodigoProfilePagamento) with its method, account, PIX flag and late rates', async () => {
    const res = await mk(t.app, 'WSMKListaProfilePagamento', { token });
    assert.equal(res.body.status, 'OK');
    const codes = res.body.ProfilesPagamento.map((p: { codigo: number }) => p.codigo);
    assert.deepEqual(codes, [s.profileId, card]);
    assert.deepEqual(res.body.ProfilesPagamento[0], {
      cd_empresa: s.companyId,
      codigo: s.profileId,
      codigo_conta: s.bankAccountId,
      codigo_forma_pagamento: 1,
      condicoes: [],
      descricao: res.body.ProfilesPagamento[0].descricao,
      forma_pagamento: 'Boleto bancário',
      juros_mes: 1,
      multa: 2,
      pix: 'Sim',
    });
    for (const code of codes) assert.equal(await isAcceptedCode(t.db, 'paymentProfile', code, s.companyId), true);
    assert.equal(await isAcceptedCode(t.db, 'paymentProfile', inactive), false);
    assert.equal(await isAcceptedCode(t.db, 'paymentProfile', card, s.companyId + 1000), false);
  });

  test('CodigoFormaPagamento filters by payment method; card profiles list their active conditions (FormaPgto codes)', async () => {
    const res = await mk(t.app, 'WSMKListaProfilePagamento', { token, CodigoFormaPagamento: 3 });
    assert.equal(res.body.ProfilesPagamento.length, 1);
    const p = res.body.ProfilesPagamento[0];
    assert.equal(p.codigo, card);
    assert.equal(p.forma_pagamento, 'Cartão de crédito');
    assert.equal(p.pix, 'Não');
    assert.deepEqual(p.condicoes, [
      { codigo: conditions[0], descricao: 'À vista', parcelas: 1, taxa: 0, valor_minimo: 0 },
      { codigo: conditions[1], descricao: '3x sem juros', parcelas: 3, taxa: 2.99, valor_minimo: 300 },
    ]);
    assert.deepEqual((await mk(t.app, 'WSMKListaProfilePagamento', { token, CodigoFormaPagamento: 101 })).body, { ProfilesPagamento: [], status: 'OK' });
  });

  test('unknown payment method → 005; not a number → 005', async () => {
    for (const value of [999, 'boleto']) {
      const res = await mk(t.app, 'WSMKListaProfilePagamento', { token, CodigoFormaPagamento: value });
      assert.ok(isMkErrorBody(res.body, '005'), String(value));
      assert.match(res.body.Mensagem, /CodigoFormaPagamento/);
    }
  });
});
