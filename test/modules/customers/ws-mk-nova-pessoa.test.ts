import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import { verifyPassword } from '../../../src/lib/password.ts';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCity, createCondominium, createCustomer, createPlace, createWorld, ownModules, uniqueCnpj, uniqueCpf } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

const counts = async (db: Db) => {
  const n = async (table: 'customers' | 'customer_phones' | 'customer_emails' | 'audit_log') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return [await n('customers'), await n('customer_phones'), await n('customer_emails'), await n('audit_log')];
};

describe('WSMKNovaPessoa', () => {
  let t: TestApp;
  let token: string;
  let login: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  const params = (extra: Record<string, string | number | undefined> = {}) => ({
    token,
    doc: uniqueCpf(),
    nome: "'Maria  da Silva'",
    cep: '86200-000',
    cd_uf: w.place.stateId,
    cd_cidade: w.place.cityId,
    cd_bairro: w.place.neighbourhoodId,
    cd_logradouro: w.place.streetId,
    numero: '123',
    email: 'maria@example.com',
    fone: '(43) 99999-1234',
    ...extra,
  });
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    const access = await createAccess(t.db);
    login = access.operatorLogin;
    token = await createSession(t.db, access);
    w = await createWorld(t.db);
  });
  after(async () => t.close());

  test('creates PF with phone, e-mail, SAC login (hashed), audit row; quotes stripped', async () => {
    const p = params({ user_sac: 'maria.nova', senha_sac: 'Segredo99', whatsapp: 'S', nascimento: '04/06/1991', complemento: "'Apto 3'", cfop: '5307', cliente_com: '03', lat: '-23.2', lon: '-51.1' });
    const res = await mk(t.app, 'WSMKNovaPessoa', p);
    assert.equal(res.body.status, 'OK', JSON.stringify(res.body));
    assert.equal(res.body.Nome, 'Maria da Silva');
    const row = await t.db.selectFrom('customers').selectAll().where('id', '=', res.body.CodigoPessoa).executeTakeFirstOrThrow();
    assert.equal(row.person_type, 'individual');
    assert.equal(row.document, p.doc);
    assert.equal(row.cep, '86200000');
    assert.equal(row.address_complement, 'Apto 3');
    assert.equal(row.birth_date, '1991-06-04');
    assert.equal(row.company_id, w.company.id);
    assert.ok(row.sac_password_hash && (await verifyPassword('Segredo99', row.sac_password_hash)));
    assert.ok(!row.sac_password_hash.includes('Segredo99'));
    const phone = await t.db.selectFrom('customer_phones').selectAll().where('customer_id', '=', row.id).executeTakeFirstOrThrow();
    assert.deepEqual([phone.phone, phone.whatsapp, phone.is_primary], ['43999991234', true, true]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'customer').where('entity_id', '=', String(row.id)).executeTakeFirstOrThrow();
    assert.equal(audit.actor, `operator:${login}`);
    assert.ok(!JSON.stringify(audit.details).includes('Segredo99'));
  });

  test('CNPJ defaults to PJ; tipo_cadastro 3 makes a pre-registration; tipo 1 with a CNPJ → 005', async () => {
    const pj = await mk(t.app, 'WSMKNovaPessoa', params({ doc: uniqueCnpj() }));
    const pjRow = await t.db.selectFrom('customers').select('person_type').where('id', '=', pj.body.CodigoPessoa).executeTakeFirstOrThrow();
    assert.equal(pjRow.person_type, 'company');
    const pre = await mk(t.app, 'WSMKNovaPessoa', params({ tipo_cadastro: '3' }));
    const preRow = await t.db.selectFrom('customers').select('person_type').where('id', '=', pre.body.CodigoPessoa).executeTakeFirstOrThrow();
    assert.equal(preRow.person_type, 'pre_registration');
    const wrong = await mk(t.app, 'WSMKNovaPessoa', params({ doc: uniqueCnpj(), tipo_cadastro: '1' }));
    assert.match(wrong.body.Mensagem, /tipo_cadastro/);
  });

  test('the same document twice → 009 duplicate, nothing written', async () => {
    const doc = uniqueCpf();
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, document: doc });
    const before = await counts(t.db);
    const res = await mk(t.app, 'WSMKNovaPessoa', params({ doc }));
    assert.equal(res.body['Num. ERRO'], '009');
    assert.deepEqual(await counts(t.db), before);
  });

  test('billing by condominium fills street, number and CEP; with other billing fields → 005', async () => {
    const condo = await createCondominium(t.db, w.place.streetId, { number: '900', cep: '86200900' });
    const res = await mk(t.app, 'WSMKNovaPessoa', params({ codcondominio_cobranca: condo.id, complemento_cobranca: 'Bloco B' }));
    const row = await t.db.selectFrom('customers').selectAll().where('id', '=', res.body.CodigoPessoa).executeTakeFirstOrThrow();
    assert.deepEqual([row.billing_street_id, row.billing_address_number, row.billing_cep, row.billing_condominium_id, row.billing_address_complement], [w.place.streetId, '900', '86200900', condo.id, 'Bloco B']);
    const both = await mk(t.app, 'WSMKNovaPessoa', params({ codcondominio_cobranca: condo.id, codcidade_cobranca: w.place.cityId }));
    assert.match(both.body.Mensagem, /codcondominio_cobranca/);
  });

  test('billing chain: coduf ⇒ codcidade ⇒ codlogradouro, numero, cep; explicit billing saved', async () => {
    const other = await createPlace(t.db, { stateId: 25 });
    const b = { coduf_cobranca: 25 };
    assert.match((await mk(t.app, 'WSMKNovaPessoa', params(b))).body.Mensagem, /codcidade_cobranca/);
    const c = { ...b, codcidade_cobranca: other.cityId };
    assert.match((await mk(t.app, 'WSMKNovaPessoa', params(c))).body.Mensagem, /codlogradouro_cobranca/);
    assert.match((await mk(t.app, 'WSMKNovaPessoa', params({ ...c, codlogradouro_cobranca: other.streetId }))).body.Mensagem, /numero_cobranca/);
    assert.match((await mk(t.app, 'WSMKNovaPessoa', params({ ...c, codlogradouro_cobranca: other.streetId, numero_cobranca: '5' }))).body.Mensagem, /cep_cobranca/);
    const wrongState = await mk(t.app, 'WSMKNovaPessoa', params({ coduf_cobranca: 16, codcidade_cobranca: other.cityId, codlogradouro_cobranca: other.streetId, numero_cobranca: '5', cep_cobranca: '01001000' }));
    assert.equal(wrongState.body['Num. ERRO'], '005');
    const ok = await mk(t.app, 'WSMKNovaPessoa', params({ ...c, codlogradouro_cobranca: other.streetId, numero_cobranca: '5', cep_cobranca: '01001-000' }));
    const row = await t.db.selectFrom('customers').selectAll().where('id', '=', ok.body.CodigoPessoa).executeTakeFirstOrThrow();
    assert.deepEqual([row.billing_street_id, row.billing_address_number, row.billing_cep], [other.streetId, '5', '01001000']);
  });

  test('bad input → MK errors naming the parameter, and nothing is written', async () => {
    const otherCity = await createCity(t.db);
    const good = uniqueCpf();
    const cases: Array<[Record<string, string | number | undefined>, string, RegExp]> = [
      [{ doc: good.slice(0, 10) + String((Number(good[10]) + 1) % 10) }, '005', /doc/],
      [{ doc: undefined }, '006', /doc/],
      [{ email: undefined }, '006', /email/],
      [{ cd_logradouro: 'abc' }, '005', /cd_logradouro/],
      [{ cd_logradouro: 999_999 }, '005', /cd_logradouro/],
      [{ cd_cidade: otherCity.id }, '005', /cd_bairro|cd_cidade/],
      [{ cd_uf: 25 }, '005', /cd_cidade|cd_uf/],
      [{ cd_empresa: 999_999 }, '005', /cd_empresa/],
      [{ grupo_atend: 999_999 }, '005', /grupo_atend/],
      [{ revenda: 999_999 }, '005', /revenda/],
      [{ nome: 'x'.repeat(153) }, '005', /nome/],
      [{ cfop: '123' }, '005', /cfop/],
      [{ cliente_com: '10' }, '005', /cliente_com/],
      [{ fone: '123' }, '005', /fone/],
      [{ email: 'not-an-email' }, '005', /email/],
      [{ nascimento: '01/01/2099' }, '005', /nascimento/],
      [{ lat: '-23.2' }, '005', /lat/],
      [{ lat: 'north', lon: '-51' }, '005', /lat/],
      [{ senha_sac: 'Segredo99' }, '005', /senha_sac/],
      [{ user_sac: 'a b', senha_sac: 'Segredo99' }, '005', /user_sac/],
      [{ cep: '123' }, '005', /cep/],
    ];
    const before = await counts(t.db);
    for (const [extra, code, text] of cases) {
      const res = await mk(t.app, 'WSMKNovaPessoa', params(extra));
      assert.equal(res.body['Num. ERRO'], code, `${JSON.stringify(extra)} → ${JSON.stringify(res.body)}`);
      assert.match(res.body.Mensagem, text, JSON.stringify(extra));
    }
    assert.deepEqual(await counts(t.db), before);
  });

  test('a SAC login already in use → 009, nothing written', async () => {
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, sacLogin: 'ocupado' });
    const before = await counts(t.db);
    const res = await mk(t.app, 'WSMKNovaPessoa', params({ user_sac: 'OCUPADO', senha_sac: 'Segredo99' }));
    assert.equal(res.body['Num. ERRO'], '009');
    assert.deepEqual(await counts(t.db), before);
  });
});
