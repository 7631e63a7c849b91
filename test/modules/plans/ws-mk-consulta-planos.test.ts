import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, type Setup } from '../../support/factories/billing.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';
import { createPlan, createProduct, plansModules } from './fixtures.ts';

const codes = (list: Array<{ codplano?: number; codproduto?: number }>) => list.map((i) => i.codplano ?? i.codproduto);

describe('WSMKConsultaPlanos (by plan and by CRM product)', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let a: { id: number };
  let b: { id: number };
  let c: { id: number };
  let tv: { id: number };
  let combo: { id: number };
  let oldCombo: { id: number };
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    // São Paulo days: a on 09/11 (23:59 local = 02:59 UTC on the 10th), b on 10/11 00:30, c on 20/11.
    a = await createPlan(t.db, s.companyId, { name: 'FIBRA 300 MEGA', at: '2026-11-09T23:59:00-03:00' });
    b = await createPlan(t.db, s.companyId, { name: 'FIBRA 500 MEGA', at: '2026-11-10T00:30:00-03:00' });
    c = await createPlan(t.db, s.companyId, { name: 'RÁDIO 20 MEGA', at: '2026-11-20T10:00:00-03:00', active: false });
    tv = await createPlan(t.db, s.companyId, { name: 'WATCH TV', typeId: 11, at: '2026-11-20T10:00:00-03:00' });
    combo = await createProduct(t.db, s.companyId, [tv.id, b.id], { name: 'COMBO FIBRA 500 + TV', at: '2026-11-15T10:00:00-03:00' });
    oldCombo = await createProduct(t.db, s.companyId, [a.id], { name: 'COMBO ANTIGO', active: false, at: '2026-10-01T10:00:00-03:00' });
  });
  after(async () => t.close());

  const call = (params: Record<string, string | number>) => mk(t.app, 'WSMKConsultaPlanos', { token, ...params });

  test('by plan: data_alteracao is required (006)', async () => {
    const res = await call({ codigo_plano: a.id });
    assert.ok(isMkErrorBody(res.body, '006'));
    assert.match(res.body.Mensagem, /data_alteracao/);
    assert.ok(isMkErrorBody((await call({})).body, '006'));
  });

  test('by plan: plans changed on or after that São Paulo day, by code, both date formats', async () => {
    const res = await call({ data_alteracao: '10/11/2026' });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(codes(res.body.Planos), [b.id, c.id, tv.id]);
    assert.deepEqual(codes((await call({ data_alteracao: '2026-11-09' })).body.Planos), [a.id, b.id, c.id, tv.id]);
    assert.deepEqual((await call({ data_alteracao: '01/12/2026' })).body, { Planos: [], status: 'OK' });
    const item = res.body.Planos[0];
    assert.equal(item.data_alteracao, '10/11/2026');
    assert.equal(item.descricao, 'FIBRA 500 MEGA');
    assert.equal(item.ativo, 'Sim');
  });

  test('by plan: codigo_plano, a code range, nome_plano (accent-insensitive) and ativo=True narrow the list', async () => {
    const since = { data_alteracao: '01/01/2026' };
    assert.deepEqual(codes((await call({ ...since, codigo_plano: b.id })).body.Planos), [b.id]);
    assert.deepEqual(codes((await call({ ...since, codigo_plano_inicio: b.id, codigo_plano_fim: c.id })).body.Planos), [b.id, c.id]);
    assert.deepEqual(codes((await call({ ...since, codigo_plano_inicio: c.id })).body.Planos), [c.id, tv.id]);
    assert.deepEqual(codes((await call({ ...since, nome_plano: 'radio' })).body.Planos), [c.id]);
    assert.deepEqual(codes((await call({ ...since, ativo: 'True' })).body.Planos), [a.id, b.id, tv.id]);
    assert.deepEqual(codes((await call({ ...since, ativo: 'true' })).body.Planos), [a.id, b.id, tv.id]);
    assert.deepEqual(codes((await call({ ...since, ativo: 'False' })).body.Planos), [a.id, b.id, c.id, tv.id]);
  });

  test('by plan: bad values → 005 naming the parameter', async () => {
    const since = { data_alteracao: '01/01/2026' };
    for (const [name, value] of [['data_alteracao', '31/02/2026'], ['codigo_plano', 'x'], ['ativo', 'sim'], ['codigo_plano_fim', 0]] as const) {
      const res = await call({ ...since, [name]: value });
      assert.ok(isMkErrorBody(res.body, '005'), `${name}=${value}`);
      assert.match(res.body.Mensagem, new RegExp(name));
    }
    const reversed = await call({ ...since, codigo_plano_inicio: c.id, codigo_plano_fim: a.id });
    assert.ok(isMkErrorBody(reversed.body, '005'));
    assert.match(reversed.body.Mensagem, /codigo_plano_inicio/);
  });

  test('by product: codigo_produto selects the CRM variant (data_alteracao optional); each product lists its plans', async () => {
    const res = await call({ codigo_produto: combo.id });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.Planos, undefined);
    assert.equal(res.body.Produtos.length, 1);
    const p = res.body.Produtos[0];
    assert.equal(p.codproduto, combo.id);
    assert.equal(p.descricao, 'COMBO FIBRA 500 + TV');
    assert.equal(p.valor, 139.9);
    assert.equal(p.ativo, 'Sim');
    assert.equal(p.cd_empresa, s.companyId);
    assert.deepEqual(codes(p.planos), [b.id, tv.id]);
    assert.equal(p.planos[1].descricao_tipo_plano, 'TV/OTT');
  });

  test('by product: ranges, nome_produto, data_alteracao and ativo=S/N', async () => {
    assert.deepEqual(codes((await call({ codigo_produto_inicio: 1 })).body.Produtos), [combo.id, oldCombo.id].sort((x, y) => x - y));
    assert.deepEqual(codes((await call({ nome_produto: 'antigo' })).body.Produtos), [oldCombo.id]);
    assert.deepEqual(codes((await call({ nome_produto: 'combo', data_alteracao: '01/11/2026' })).body.Produtos), [combo.id]);
    assert.deepEqual(codes((await call({ ativo: 'S' })).body.Produtos), [combo.id]);
    assert.equal((await call({ ativo: 'N' })).body.Produtos.length, 2);
    assert.deepEqual((await call({ codigo_produto: 999_999 })).body, { Produtos: [], status: 'OK' });
  });

  test('variants cannot be mixed: plan and product parameters together, or the other variant’s ativo → 005', async () => {
    const mixed = await call({ data_alteracao: '01/01/2026', codigo_plano: a.id, codigo_produto: combo.id });
    assert.ok(isMkErrorBody(mixed.body, '005'));
    const trueOnProduct = await call({ codigo_produto: combo.id, ativo: 'True' });
    assert.ok(isMkErrorBody(trueOnProduct.body, '005'));
    assert.match(trueOnProduct.body.Mensagem, /ativo/);
    const sOnPlan = await call({ data_alteracao: '01/01/2026', nome_plano: 'fibra', ativo: 'S' });
    assert.ok(isMkErrorBody(sOnPlan.body, '005'));
  });
});
