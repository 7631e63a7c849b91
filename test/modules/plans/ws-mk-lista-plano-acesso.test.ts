import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, type Setup } from '../../support/factories/billing.ts';
import { core, isMkErrorBody, mk } from '../../support/mk-client.ts';
import { createPlan, plansModules } from './fixtures.ts';

describe('WSMKListaPlanoAcesso and GET /core-api/planos-acessos/id', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let fibra: { id: number };
  let radio: { id: number };
  let tv: { id: number };
  let old: { id: number };
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    fibra = await createPlan(t.db, s.companyId, { name: 'FIBRA 500 MEGA', downKbps: 500_000, upKbps: 250_000, priceCents: 11990 });
    radio = await createPlan(t.db, s.companyId, { name: 'RÁDIO 20 MEGA', downKbps: 20_000, upKbps: 10_000, priceCents: 7990 });
    tv = await createPlan(t.db, s.companyId, { name: 'WATCH TV', typeId: 11, priceCents: 2990 });
    old = await createPlan(t.db, s.companyId, { name: 'FIBRA 100 MEGA', active: false });
  });
  after(async () => t.close());

  test('active plans of the type, with their speeds in kbit/s and price in reais', async () => {
    const res = await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 1 });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.TipoPlano, 1);
    assert.deepEqual(res.body.PlanosAcesso.map((p: { codplano: number }) => p.codplano), [fibra.id, radio.id]);
    assert.deepEqual(res.body.PlanosAcesso[0], {
      ativo: 'Sim',
      cd_empresa: s.companyId,
      codplano: fibra.id,
      data_alteracao: '01/11/2026',
      data_cadastro: '01/11/2026',
      descricao: 'FIBRA 500 MEGA',
      descricao_tipo_plano: 'Internet',
      download_kbps: 500_000,
      download_reduzido_kbps: null,
      meses_contrato: 12,
      tipo_plano: 1,
      upload_kbps: 250_000,
      upload_reduzido_kbps: null,
      valor: 119.9,
    });
  });

  test('inactive plans are left out: writes refuse them', async () => {
    const res = await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 1 });
    assert.ok(!res.body.PlanosAcesso.some((p: { codplano: number }) => p.codplano === old.id));
  });

  test('other types: their own plans, speeds null; a type without plans → empty list', async () => {
    const res = await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 11 });
    assert.equal(res.body.PlanosAcesso.length, 1);
    assert.equal(res.body.PlanosAcesso[0].codplano, tv.id);
    assert.equal(res.body.PlanosAcesso[0].download_kbps, null);
    const none = await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 8 });
    assert.deepEqual(none.body, { PlanosAcesso: [], TipoPlano: 8, status: 'OK' });
  });

  test('the table has no codes 5, 6, 12 (CRM) and 20 (MVNO): 005; missing TipoPlano: 006', async () => {
    for (const code of [5, 6, 12, 20, 0, 'abc']) {
      const res = await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: code });
      assert.ok(isMkErrorBody(res.body, '005'), `TipoPlano=${code}`);
      assert.match(res.body.Mensagem, /TipoPlano/);
    }
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKListaPlanoAcesso', { token })).body, '006'));
  });

  test('POST with a form body and a lower-case parameter name work too', async () => {
    const res = await mk(t.app, 'WSMKListaPlanoAcesso', { token, tipoplano: 1 }, { method: 'POST' });
    assert.equal(res.body.PlanosAcesso.length, 2);
  });

  test('core /id: the same query in the Node style — same codes as WSMKListaPlanoAcesso, bare array', async () => {
    const legacy = await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 1 });
    const res = await core(t.app, 'GET', '/planos-acessos/id', { token, TipoPlano: 1 });
    assert.equal(res.http, 200);
    assert.ok(Array.isArray(res.body));
    assert.deepEqual(
      res.body.map((p: { id: number }) => p.id),
      legacy.body.PlanosAcesso.map((p: { codplano: number }) => p.codplano),
    );
    assert.deepEqual(res.body[0], {
      dataAlteracao: '2026-11-01T15:00:00.000Z',
      dataCadastro: '2026-11-01T15:00:00.000Z',
      descricao: 'FIBRA 500 MEGA',
      id: fibra.id,
      inativo: 'N',
      mesesContrato: 12,
      planosAcessoTipo: 'Internet',
      planosAcessoTipoId: 1,
      provedorEmpresaId: s.companyId,
      valor: 119.9,
      velocidadeDownload: 500_000,
      velocidadeReduzidaDownload: null,
      velocidadeReduzidaUpload: null,
      velocidadeUpload: 250_000,
    });
  });

  test('core /id?id=N: that plan, even inactive; unknown → 404/003; type mismatch → 003', async () => {
    const one = await core(t.app, 'GET', '/planos-acessos/id', { token, id: old.id });
    assert.equal(one.body.length, 1);
    assert.equal(one.body[0].inativo, 'S');
    const unknown = await core(t.app, 'GET', '/planos-acessos/id', { token, id: 999_999 });
    assert.equal(unknown.http, 404);
    assert.ok(isMkErrorBody(unknown.body, '003'));
    const mismatch = await core(t.app, 'GET', '/planos-acessos/id', { token, id: tv.id, TipoPlano: 1 });
    assert.ok(isMkErrorBody(mismatch.body, '003'));
  });

  test('core /id: neither TipoPlano nor id → 004; TipoPlano 12 → 005', async () => {
    const none = await core(t.app, 'GET', '/planos-acessos/id', { token });
    assert.equal(none.http, 400);
    assert.ok(isMkErrorBody(none.body, '004'));
    assert.ok(isMkErrorBody((await core(t.app, 'GET', '/planos-acessos/id', { token, TipoPlano: 12 })).body, '005'));
  });
});
