// "These lists feed the codes that writes accept": each code below is taken from a list endpoint
// and used in the write that consumes it. Writes still being built elsewhere (contracts,
// connections) get their pairs added here when they land — see docs/compat/plans.md.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode, type LookupKind } from '../../../src/modules/plans/lookups.repository.ts';
import { isAcceptedPlanCode } from '../../../src/modules/plans/plans.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, type Setup } from '../../support/factories/billing.ts';
import { core, isMkErrorBody, mk } from '../../support/mk-client.ts';
import { orderFor } from '../payments/settlement-helpers.ts';
import { createPlan, createProduct, createRules } from './fixtures.ts';

interface Listed {
  codigo: number;
  cd_empresa?: number;
}

describe('list endpoints feed the codes that writes accept', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let other: Setup;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    other = await createBillingSetup(t.db);
    await t.db.insertInto('bank_accounts').values({ company_id: s.companyId, description: 'Caixa da loja', kind: 'cash' }).execute();
    await t.db.insertInto('bank_accounts').values({ company_id: s.companyId, description: 'Conta encerrada', kind: 'cash', active: false }).execute();
    const card = await t.db
      .insertInto('payment_profiles')
      .values({ company_id: s.companyId, name: 'Cartão Cielo', payment_method_id: 3, bank_account_id: s.bankAccountId, card_acquirer: 'cielo' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('payment_conditions')
      .values([
        { payment_profile_id: card.id, description: 'À vista', installments: 1 },
        { payment_profile_id: card.id, description: '2x sem juros', installments: 2, min_amount_cents: 5000 },
        { payment_profile_id: card.id, description: '3x (desativada)', installments: 3, active: false },
      ])
      .execute();
  });
  after(async () => t.close());

  const settleV2 = (idPagamento: string, conta: number) =>
    mk(t.app, 'WSMKLiquidacaoFaturasV2', { token, IDPagamento: idPagamento, forma_pagto: 4, conta, valor_total: '150,00', data_recebimento: '24/11/2026' });

  test('WSMKConsultaContasBancarias.codigo → WSMKLiquidacaoFaturasV2.conta: every listed account of the company settles', async () => {
    const listed: Listed[] = (await mk(t.app, 'WSMKConsultaContasBancarias', { token })).body.ContasBancarias;
    const ours = listed.filter((a) => a.cd_empresa === s.companyId);
    assert.equal(ours.length, 2);
    for (const account of ours) {
      const o = await orderFor(t.app, t.db, s, token);
      const res = await settleV2(o.idPagamento, account.codigo);
      assert.equal(res.body.status, 'OK', `conta ${account.codigo}`);
      const row = await t.db.selectFrom('settlements').select('bank_account_id').where('invoice_id', '=', o.invoiceIds[0]!).executeTakeFirstOrThrow();
      assert.equal(row.bank_account_id, account.codigo);
    }
  });

  test('…and what the list leaves out (inactive) or assigns to another company (cd_empresa) the write refuses', async () => {
    const listed: Listed[] = (await mk(t.app, 'WSMKConsultaContasBancarias', { token })).body.ContasBancarias;
    const closed = await t.db.selectFrom('bank_accounts').select('id').where('description', '=', 'Conta encerrada').executeTakeFirstOrThrow();
    assert.ok(!listed.some((a) => a.codigo === closed.id));
    const foreign = listed.find((a) => a.cd_empresa === other.companyId)!;
    for (const conta of [closed.id, foreign.codigo]) {
      const o = await orderFor(t.app, t.db, s, token);
      const res = await settleV2(o.idPagamento, conta);
      assert.ok(isMkErrorBody(res.body, '005'), `conta ${conta}`);
      assert.match(res.body.Mensagem, /conta/);
    }
  });

  test('WSMKListaProfilePagamento(CodigoFormaPagamento=3).condicoes.codigo → WSMKLiquidacaoFaturas.FormaPgto', async () => {
    const profiles = (await mk(t.app, 'WSMKListaProfilePagamento', { token, CodigoFormaPagamento: 3 })).body.ProfilesPagamento;
    const conditions: Array<{ codigo: number; valor_minimo: number }> = profiles.filter((p: Listed) => p.cd_empresa === s.companyId).flatMap((p: { condicoes: unknown[] }) => p.condicoes);
    assert.deepEqual(conditions.map((c) => c.valor_minimo), [0, 50]);
    const account = (await mk(t.app, 'WSMKConsultaContasBancarias', { token })).body.ContasBancarias.find((a: Listed) => a.cd_empresa === s.companyId);
    for (const condition of conditions) {
      const o = await orderFor(t.app, t.db, s, token);
      const res = await mk(t.app, 'WSMKLiquidacaoFaturas', { token, IDPagamento: o.idPagamento, FormaPgto: condition.codigo, conta: account.codigo });
      assert.equal(res.body.status, 'OK', `FormaPgto ${condition.codigo}`);
    }
    const off = await t.db.selectFrom('payment_conditions').select('id').where('description', '=', '3x (desativada)').executeTakeFirstOrThrow();
    const o = await orderFor(t.app, t.db, s, token);
    const refused = await mk(t.app, 'WSMKLiquidacaoFaturas', { token, IDPagamento: o.idPagamento, FormaPgto: off.id, conta: account.codigo });
    assert.ok(isMkErrorBody(refused.body, '005'));
  });

  test('POST /core-api/planos-acessos → WSMKListaPlanoAcesso → WSMKPlanosAcesso.codigo_plano', async () => {
    const created = await core(t.app, 'POST', '/planos-acessos', { token }, {
      body: { descricao: 'FIBRA 900 MEGA', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 1, valor: '189,90', velocidadeDownload: 900_000, velocidadeUpload: 450_000 },
    });
    const listed = (await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 1 })).body.PlanosAcesso;
    const item = listed.find((p: { codplano: number }) => p.codplano === created.body.id);
    assert.equal(item.valor, 189.9);
    const contracts = await mk(t.app, 'WSMKPlanosAcesso', { token, codigo_plano: item.codplano, cancelado: 'S', suspenso: 'S', aguarda_ativacao: 'S' });
    assert.equal(contracts.body.CodigoPlano, created.body.id);
  });

  test('plan codes: WSMKListaPlanoAcesso / ConsultaPlanos#produto (ativo=S) list exactly what isAcceptedPlanCode accepts', async () => {
    const fibra = await createPlan(t.db, s.companyId, { name: 'FIBRA FEED 1' });
    const retired = await createPlan(t.db, s.companyId, { name: 'FIBRA FEED 2', active: false });
    const tv = await createPlan(t.db, s.companyId, { name: 'TV FEED', typeId: 11 });
    const combo = await createProduct(t.db, s.companyId, [fibra.id, tv.id]);
    const oldCombo = await createProduct(t.db, s.companyId, [fibra.id], { active: false });
    const internet: Listed[] = (await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 1 })).body.PlanosAcesso.map((p: { codplano: number; cd_empresa: number }) => ({ codigo: p.codplano, cd_empresa: p.cd_empresa }));
    assert.ok(internet.some((p) => p.codigo === fibra.id) && !internet.some((p) => p.codigo === retired.id));
    for (const p of internet) assert.equal(await isAcceptedPlanCode(t.db, 1, p.codigo, p.cd_empresa), true);
    assert.equal(await isAcceptedPlanCode(t.db, 1, retired.id), false);
    assert.equal(await isAcceptedPlanCode(t.db, 1, tv.id), false, 'a TV plan is not an internet code');
    assert.equal(await isAcceptedPlanCode(t.db, 1, fibra.id, other.companyId), false, 'another company');
    const products = (await mk(t.app, 'WSMKConsultaPlanos', { token, ativo: 'S' })).body.Produtos;
    assert.deepEqual(products.map((p: { codproduto: number }) => p.codproduto), [combo.id]);
    assert.equal(await isAcceptedPlanCode(t.db, 12, combo.id, s.companyId), true);
    assert.equal(await isAcceptedPlanCode(t.db, 12, oldCombo.id), false);
  });

  test('every code of the rule lists passes isAcceptedCode — the check the contract write is to use', async () => {
    await createRules(t.db);
    await t.db.insertInto('sla_tables').values({ name: 'Residencial', response_hours: 24, resolution_hours: 72 }).execute();
    await t.db.insertInto('discounts').values({ name: 'Pontualidade 5%', purpose: 'punctuality', percent_basis_points: 500, days_before_due: 0 }).execute();
    const lists: Array<[string, string, LookupKind]> = [
      ['WSMKListaRegraVencimento', 'RegrasVencimento', 'dueDateRule'],
      ['WSMKListaTabelaSLA', 'TabelasSLA', 'slaTable'],
      ['WSMKListaRegraBloqueio', 'RegrasBloqueio', 'blockingRule'],
      ['WSMKListaDesconto', 'Descontos', 'discount'],
      ['WSMKPlanoContas', 'PlanoContas', 'chartAccount'],
      ['WSMKListaProfilePagamento', 'ProfilesPagamento', 'paymentProfile'],
      ['WSMKConsultaContasBancarias', 'ContasBancarias', 'bankAccount'],
    ];
    for (const [endpoint, key, kind] of lists) {
      const items: Listed[] = (await mk(t.app, endpoint, { token })).body[key];
      assert.ok(items.length > 0, endpoint);
      for (const item of items) assert.equal(await isAcceptedCode(t.db, kind, item.codigo, item.cd_empresa), true, `${endpoint} ${item.codigo}`);
    }
  });
});
