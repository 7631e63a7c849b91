import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';
import { createContract, createPlan, createRules, plansModules, type Rules } from './fixtures.ts';

describe('WSMKPlanosAcesso', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let rules: Rules;
  let plan: { id: number };
  let empty: { id: number };
  const k: Record<string, number> = {};
  let productContract: number;
  const PRODUCT_ID = 9000;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    rules = await createRules(t.db);
    plan = await createPlan(t.db, s.companyId, { name: 'FIBRA 500 MEGA', priceCents: 11990 });
    empty = await createPlan(t.db, s.companyId, { name: 'FIBRA 1 GIGA', priceCents: 19990 });
    const customer = await createCustomer(t.db, s, { name: 'MARIA DA SILVA' });
    k.active = await createContract(t.db, s, rules, customer.id, { planId: plan.id, signedOn: '2026-02-10' });
    k.suspended = await createContract(t.db, s, rules, customer.id, { planId: plan.id, status: 'suspended', signedOn: '2026-03-10' });
    k.cancelledJune = await createContract(t.db, s, rules, customer.id, {
      planId: plan.id, status: 'cancelled', signedOn: '2026-01-05', cancelledAt: '2026-06-30T23:30:00-03:00',
    });
    k.cancelledAug = await createContract(t.db, s, rules, customer.id, {
      planId: plan.id, status: 'cancelled', signedOn: '2026-01-20', cancelledAt: '2026-08-01T00:10:00-03:00',
    });
    k.awaiting = await createContract(t.db, s, rules, customer.id, { planId: plan.id, status: 'awaiting_activation', signedOn: '2026-11-20' });
    await t.db.insertInto('crm_products').values({ id: PRODUCT_ID, company_id: s.companyId, name: 'COMBO FIBRA + TV', price_cents: 13990 }).execute();
    await t.db.insertInto('crm_product_plans').values({ crm_product_id: PRODUCT_ID, access_plan_id: plan.id }).execute();
    productContract = await createContract(t.db, s, rules, customer.id, { productId: PRODUCT_ID });
  });
  after(async () => t.close());

  const flags = { cancelado: 'N', suspenso: 'N', aguarda_ativacao: 'N' };
  const call = (params: Record<string, string | number>) => mk(t.app, 'WSMKPlanosAcesso', { token, ...params });
  const contractCodes = (body: { Contratos?: Array<{ codcontrato: number }> }) => (body.Contratos ?? []).map((c) => c.codcontrato);

  test('the client call (codigo_plano, cancelado=S, suspenso=S, aguarda_ativacao=S): plan data + every contract', async () => {
    const res = await call({ codigo_plano: plan.id, cancelado: 'S', suspenso: 'S', aguarda_ativacao: 'S' });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.CodigoPlano, plan.id);
    assert.equal(res.body.Descricao, 'FIBRA 500 MEGA');
    assert.equal(res.body.TipoPlano, 1);
    assert.equal(res.body.Valor, 119.9);
    assert.deepEqual(contractCodes(res.body), [k.active, k.suspended, k.cancelledJune, k.cancelledAug, k.awaiting]);
    assert.deepEqual(res.body.Contratos[2], {
      adesao: '2026-01-05',
      cd_cliente: res.body.Contratos[0].cd_cliente,
      cd_empresa: s.companyId,
      codcontrato: k.cancelledJune,
      data_cancelamento: '2026-06-30',
      nome_cliente: 'MARIA DA SILVA',
      status_contrato: 'Cancelado',
      valor: 99.9,
    });
    assert.deepEqual(
      res.body.Contratos.map((c: { status_contrato: string }) => c.status_contrato),
      ['Ativo', 'Suspenso', 'Cancelado', 'Cancelado', 'Aguardando ativação'],
    );
  });

  test('N everywhere = active contracts only; each S adds its own status', async () => {
    assert.deepEqual(contractCodes((await call({ codigo_plano: plan.id, ...flags })).body), [k.active]);
    assert.deepEqual(contractCodes((await call({ codigo_plano: plan.id, ...flags, cancelado: 'S' })).body), [k.active, k.cancelledJune, k.cancelledAug]);
    assert.deepEqual(contractCodes((await call({ codigo_plano: plan.id, ...flags, suspenso: 'S' })).body), [k.active, k.suspended]);
    assert.deepEqual(contractCodes((await call({ codigo_plano: plan.id, ...flags, aguarda_ativacao: 's' })).body), [k.active, k.awaiting]);
  });

  test('no contract found → only the plan data (no Contratos key)', async () => {
    const res = await call({ codigo_plano: empty.id, cancelado: 'S', suspenso: 'S', aguarda_ativacao: 'S' });
    assert.deepEqual(res.body, {
      Ativo: 'Sim',
      CodigoEmpresa: s.companyId,
      CodigoPlano: empty.id,
      Descricao: 'FIBRA 1 GIGA',
      DescricaoTipoPlano: 'Internet',
      TipoPlano: 1,
      Valor: 199.9,
      status: 'OK',
    });
    const filtered = await call({ codigo_plano: plan.id, ...flags, data_adesao_inicial: '01/12/2026' });
    assert.equal(filtered.body.Contratos, undefined);
  });

  test('adhesion period: data_adesao_inicial/final (also spelled with ::date), inclusive', async () => {
    const all = { codigo_plano: plan.id, cancelado: 'S', suspenso: 'S', aguarda_ativacao: 'S' };
    assert.deepEqual(
      contractCodes((await call({ ...all, data_adesao_inicial: '20/01/2026', data_adesao_final: '10/03/2026' })).body),
      [k.active, k.suspended, k.cancelledAug],
    );
    assert.deepEqual(contractCodes((await call({ ...all, 'data_adesao_inicial::date': '2026-11-20' })).body), [k.awaiting]);
    assert.deepEqual(contractCodes((await call({ ...all, 'data_adesao_final::date': '2026-01-05' })).body), [k.cancelledJune]);
  });

  test('cancellation period (release 57): only contracts cancelled in it, by São Paulo day; needs cancelado=S', async () => {
    const all = { codigo_plano: plan.id, cancelado: 'S', suspenso: 'S', aguarda_ativacao: 'S' };
    assert.deepEqual(contractCodes((await call({ ...all, data_cancelamento_inicial: '01/06/2026', data_cancelamento_final: '30/06/2026' })).body), [k.cancelledJune]);
    assert.deepEqual(contractCodes((await call({ ...all, data_cancelamento_inicial: '01/07/2026' })).body), [k.cancelledAug]);
    assert.deepEqual(contractCodes((await call({ ...all, data_cancelamento_final: '31/07/2026' })).body), [k.cancelledJune]);
    const refused = await call({ codigo_plano: plan.id, ...flags, data_cancelamento_inicial: '01/06/2026' });
    assert.ok(isMkErrorBody(refused.body, '005'));
    assert.match(refused.body.Mensagem, /data_cancelamento_inicial.*cancelado=S/);
  });

  test('a code no access plan has is looked up as a CRM product (TipoPlano 12)', async () => {
    const res = await call({ codigo_plano: PRODUCT_ID, ...flags });
    assert.equal(res.body.TipoPlano, 12);
    assert.equal(res.body.DescricaoTipoPlano, 'CRM');
    assert.equal(res.body.Descricao, 'COMBO FIBRA + TV');
    assert.deepEqual(contractCodes(res.body), [productContract]);
  });

  test('unknown code → 003 (three keys); missing flags → 006; bad values → 005', async () => {
    const unknown = await call({ codigo_plano: 999_999, ...flags });
    assert.deepEqual(Object.keys(unknown.body).sort(), ['Mensagem', 'Num. ERRO', 'status']);
    assert.ok(isMkErrorBody(unknown.body, '003'));
    for (const name of ['codigo_plano', 'cancelado', 'suspenso', 'aguarda_ativacao']) {
      const params: Record<string, string | number> = { codigo_plano: plan.id, ...flags };
      delete params[name];
      const res = await call(params);
      assert.ok(isMkErrorBody(res.body, '006'), name);
      assert.match(res.body.Mensagem, new RegExp(name));
    }
    for (const [name, value] of [['cancelado', 'X'], ['codigo_plano', 'abc'], ['data_adesao_inicial', '32/01/2026']] as const) {
      const res = await call({ codigo_plano: plan.id, ...flags, [name]: value });
      assert.ok(isMkErrorBody(res.body, '005'), `${name}=${value}`);
    }
    const reversed = await call({ codigo_plano: plan.id, ...flags, data_adesao_inicial: '10/03/2026', data_adesao_final: '01/03/2026' });
    assert.ok(isMkErrorBody(reversed.body, '005'));
  });
});
