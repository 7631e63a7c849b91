import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, type Setup } from '../../support/factories/billing.ts';
import { core, isMkErrorBody } from '../../support/mk-client.ts';
import { createPlan, plansModules } from './fixtures.ts';

describe('core-api planos-acessos: by description, by company, create', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let other: Setup;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    other = await createBillingSetup(t.db);
    await createPlan(t.db, s.companyId, { name: 'FIBRA 300 MEGA' });
    await createPlan(t.db, s.companyId, { name: 'Fibra Empresarial 600', active: false });
    await createPlan(t.db, other.companyId, { name: 'RÁDIO 20 MEGA' });
  });
  after(async () => t.close());

  const post = (body: Record<string, unknown>) => core(t.app, 'POST', '/planos-acessos', { token }, { body });
  const countPlans = async () => (await t.db.selectFrom('access_plans').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  test('/descricao: plans whose name contains the text, case- and accent-insensitive, inactive ones included', async () => {
    const res = await core(t.app, 'GET', '/planos-acessos/descricao', { token, nomedoplano: 'fibra' });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body.map((p: { descricao: string; inativo: string }) => [p.descricao, p.inativo]), [
      ['FIBRA 300 MEGA', 'N'],
      ['Fibra Empresarial 600', 'S'],
    ]);
    const accent = await core(t.app, 'GET', '/planos-acessos/descricao', { token, nomedoplano: 'radio' });
    assert.deepEqual(accent.body.map((p: { descricao: string }) => p.descricao), ['RÁDIO 20 MEGA']);
  });

  test('/descricao: no match → empty array; missing or blank nomedoplano → 006', async () => {
    assert.deepEqual((await core(t.app, 'GET', '/planos-acessos/descricao', { token, nomedoplano: 'satélite' })).body, []);
    const missing = await core(t.app, 'GET', '/planos-acessos/descricao', { token });
    assert.ok(isMkErrorBody(missing.body, '006'));
    assert.ok(isMkErrorBody((await core(t.app, 'GET', '/planos-acessos/descricao', { token, nomedoplano: '   ' })).body, '005'));
  });

  test('/list/empresa: the company plans by code; unknown company → 404/003; text → 005', async () => {
    const res = await core(t.app, 'GET', '/planos-acessos/list/empresa', { token, empresa: other.companyId });
    assert.deepEqual(res.body.map((p: { descricao: string; provedorEmpresaId: number }) => [p.descricao, p.provedorEmpresaId]), [
      ['RÁDIO 20 MEGA', other.companyId],
    ]);
    const unknown = await core(t.app, 'GET', '/planos-acessos/list/empresa', { token, empresa: 999_999 });
    assert.equal(unknown.http, 404);
    assert.ok(isMkErrorBody(unknown.body, '003'));
    assert.ok(isMkErrorBody((await core(t.app, 'GET', '/planos-acessos/list/empresa', { token, empresa: 'um' })).body, '005'));
    assert.ok(isMkErrorBody((await core(t.app, 'GET', '/planos-acessos/list/empresa', { token })).body, '006'));
  });

  test('POST creates a plan (JSON body) and answers it; speeds kbit/s, price in centavos; audited', async () => {
    const res = await post({
      descricao: '  FIBRA   800 MEGA ',
      mesesContrato: 12,
      inativo: 'N',
      planosAcessoTipoId: 1,
      valor: '159,90',
      velocidadeDownload: 800_000,
      velocidadeUpload: 400_000,
      empresa: other.companyId,
    });
    assert.equal(res.http, 200);
    assert.equal(res.body.descricao, 'FIBRA 800 MEGA');
    assert.equal(res.body.valor, 159.9);
    assert.equal(res.body.provedorEmpresaId, other.companyId);
    assert.equal(res.body.inativo, 'N');
    const row = await t.db.selectFrom('access_plans').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    assert.equal(row.price_cents, 15990);
    assert.equal(row.download_kbps, 800_000);
    assert.equal(row.upload_kbps, 400_000);
    assert.equal(row.contract_months, 12);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'access_plan').where('entity_id', '=', String(res.body.id)).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'create');
    assert.match(audit[0]?.actor ?? '', /^operator:/);
    const listed = await core(t.app, 'GET', '/planos-acessos/id', { token, id: res.body.id });
    assert.deepEqual(listed.body[0], res.body);
  });

  test('POST: the documented four fields create a non-internet plan in the first active company, price 0', async () => {
    const res = await post({ descricao: 'ANTIVÍRUS FAMÍLIA', mesesContrato: 0, inativo: 'S', planosAcessoTipoId: 7 });
    assert.equal(res.http, 200);
    assert.equal(res.body.provedorEmpresaId, s.companyId);
    assert.equal(res.body.valor, 0);
    assert.equal(res.body.inativo, 'S');
    assert.equal(res.body.velocidadeDownload, null);
  });

  test('POST parameters also come from the query string; valor as a JSON number', async () => {
    const res = await core(t.app, 'POST', '/planos-acessos', {
      token, descricao: 'IPTV BÁSICO', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 8, valor: 29.9,
    });
    assert.equal(res.body.valor, 29.9);
  });

  test('POST refuses a duplicate name in the company (case, accents, spaces ignored) with 009; another company may reuse it', async () => {
    const before = await countPlans();
    for (const descricao of ['fibra 300 mega', 'FÍBRA  300 MEGA', ' Fibra 300 Mega ']) {
      const res = await post({ descricao, mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 1, velocidadeDownload: 1, velocidadeUpload: 1 });
      assert.ok(isMkErrorBody(res.body, '009'), descricao);
      assert.equal(res.http, 409);
    }
    assert.equal(await countPlans(), before);
    const elsewhere = await post({
      descricao: 'FIBRA 300 MEGA', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 1, velocidadeDownload: 300_000, velocidadeUpload: 150_000, empresa: other.companyId,
    });
    assert.equal(elsewhere.http, 200);
  });

  test('POST: concurrent creations of the same name — exactly one wins, the rest get 009', async () => {
    const body = { descricao: 'FIBRA 2 GIGA', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 1, velocidadeDownload: 2_000_000, velocidadeUpload: 1_000_000 };
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post({ ...body, descricao: i % 2 ? 'fibra 2 giga' : 'FIBRA 2 GIGA' })));
    assert.equal(results.filter((r) => r.http === 200).length, 1);
    assert.equal(results.filter((r) => isMkErrorBody(r.body, '009')).length, 5);
    const rows = await t.db.selectFrom('access_plans').select('id').where('company_id', '=', s.companyId).where('name', 'ilike', 'fibra 2 giga').execute();
    assert.equal(rows.length, 1);
    const audits = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'access_plan').where('entity_id', '=', String(rows[0]?.id)).execute();
    assert.equal(audits.length, 1);
  });

  test('the database itself refuses a normalised duplicate (migration 0070), whatever path writes it', async () => {
    await assert.rejects(
      t.db.insertInto('access_plans').values({ company_id: s.companyId, plan_type_id: 4, name: 'fíbra   300 mega', price_cents: 0 }).execute(),
      (e: { code?: string }) => e.code === '23505',
    );
  });

  test('POST: internet plans need both speeds (006); one speed alone → 005; invalid speeds → 005; nothing written', async () => {
    const before = await countPlans();
    const base = { descricao: 'FIBRA X', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 1 };
    const noSpeed = await post(base);
    assert.ok(isMkErrorBody(noSpeed.body, '006'));
    assert.match(noSpeed.body.Mensagem, /velocidadeDownload/);
    const noUp = await post({ ...base, velocidadeDownload: 100_000 });
    assert.ok(isMkErrorBody(noUp.body, '006'));
    assert.match(noUp.body.Mensagem, /velocidadeUpload/);
    const half = await post({ descricao: 'TV X', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 11, velocidadeDownload: 8000 });
    assert.ok(isMkErrorBody(half.body, '005'));
    for (const bad of [0, -100, 1.5, '300 mega', 1_000_000_001]) {
      const res = await post({ ...base, velocidadeDownload: bad, velocidadeUpload: 100_000 });
      assert.ok(isMkErrorBody(res.body, '005'), `velocidadeDownload=${bad}`);
      assert.match(res.body.Mensagem, /velocidadeDownload/);
    }
    assert.equal(await countPlans(), before);
  });

  test('POST: invalid prices → 005 naming valor (negative, 3 decimals, garbage, above R$ 100.000,00)', async () => {
    const base = { descricao: 'PLANO PRECO', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 4 };
    for (const valor of ['-10', '99,999', 'noventa', '100000,01', 'R$']) {
      const res = await post({ ...base, valor });
      assert.ok(isMkErrorBody(res.body, '005'), `valor=${valor}`);
      assert.match(res.body.Mensagem, /valor/);
    }
    assert.equal((await post({ ...base, valor: 'R$ 1.234,56' })).body.valor, 1234.56);
  });

  test('POST: required fields (006), plan types 12/20 and other bad values (005), unknown company (005)', async () => {
    const base = { descricao: 'PLANO Y', mesesContrato: 12, inativo: 'N', planosAcessoTipoId: 4 };
    for (const field of ['descricao', 'mesesContrato', 'inativo', 'planosAcessoTipoId']) {
      const body: Record<string, unknown> = { ...base };
      delete body[field];
      const res = await post(body);
      assert.ok(isMkErrorBody(res.body, '006'), field);
      assert.match(res.body.Mensagem, new RegExp(field));
    }
    for (const [field, value] of [['planosAcessoTipoId', 12], ['planosAcessoTipoId', 20], ['inativo', 'X'], ['mesesContrato', 121], ['mesesContrato', -1], ['descricao', 'x'.repeat(121)]] as const) {
      const res = await post({ ...base, [field]: value });
      assert.ok(isMkErrorBody(res.body, '005'), `${field}=${value}`);
      assert.match(res.body.Mensagem, new RegExp(field));
    }
    const unknown = await post({ ...base, empresa: 999_999 });
    assert.ok(isMkErrorBody(unknown.body, '005'));
    assert.match(unknown.body.Mensagem, /empresa/);
  });
});
