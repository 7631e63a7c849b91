import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { crmModules, setCrmSettings } from '../../support/factories/crm.ts';
import { createCity, createCompany, createCustomer, createNeighbourhood, createStreet, createWorld, uniqueCnpj, uniqueCpf } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

type Counted = 'customers' | 'leads' | 'neighbourhoods' | 'streets' | 'customer_phones' | 'audit_log';
const counts = async (db: Db) => {
  const out: Record<string, number> = {};
  for (const table of ['customers', 'leads', 'neighbourhoods', 'streets', 'customer_phones', 'audit_log'] as Counted[]) {
    out[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  }
  return out;
};

describe('WSMKInserirLead', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  // Paraná (16): "São José dos Pinhais" › "Centro Cívico" › "Rua São João"
  let city: { id: number; name: string };
  let hood: { id: number };
  let street: { id: number };
  const address = (o: Partial<Record<'uf' | 'city' | 'hood' | 'street' | 'number' | 'compl' | 'cep', string>> = {}) =>
    [o.uf ?? 'PR', o.city ?? city.name, o.hood ?? 'Centro Cívico', o.street ?? 'Rua São João', o.number ?? '100', o.compl ?? 'Casa 2', o.cep ?? '83005-000'].join('|');
  const params = (extra: Record<string, string | number | undefined> = {}) => ({
    token,
    nome: "'Joana Prado'",
    fone01: '(41) 99876-5432',
    email: 'joana@example.com',
    endereco_lead: address(),
    ...extra,
  });
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    token = await createSession(t.db, await createAccess(t.db));
    w = await createWorld(t.db);
    city = await createCity(t.db, { stateId: 16, name: `São José dos Pinhais ${process.pid}` });
    hood = await createNeighbourhood(t.db, city.id, 'Centro Cívico');
    street = await createStreet(t.db, hood.id, { name: 'Rua São João', cep: '83005000' });
  });
  after(async () => t.close());

  test('without documento: a pre-registration at the matched address, its phone and e-mail, and an open lead', async () => {
    const before = await counts(t.db);
    const res = await mk(t.app, 'WSMKInserirLead', params({ lat: '-25.53', lon: '-49.2', informacoes: "'Indicação de vizinho'" }));
    assert.deepEqual(Object.keys(res.body), ['Cliente', 'CodigoCliente', 'CodigoLead', 'status']);
    assert.equal(res.body.Cliente, 'Joana Prado');
    const c = await t.db.selectFrom('customers').selectAll().where('id', '=', res.body.CodigoCliente).executeTakeFirstOrThrow();
    assert.deepEqual(
      [c.person_type, c.document, c.street_id, c.address_number, c.address_complement, c.cep, c.company_id, c.latitude],
      ['pre_registration', null, street.id, '100', 'Casa 2', '83005000', w.company.id, -25.53],
    );
    const phone = await t.db.selectFrom('customer_phones').select('phone').where('customer_id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(phone.phone, '41998765432');
    const lead = await t.db.selectFrom('leads').selectAll().where('id', '=', res.body.CodigoLead).executeTakeFirstOrThrow();
    assert.deepEqual([lead.customer_id, lead.status, lead.info, lead.latitude, lead.longitude], [c.id, 'open', 'Indicação de vizinho', -25.53, -49.2]);
    const after = await counts(t.db);
    assert.deepEqual([after.neighbourhoods, after.streets], [before.neighbourhoods, before.streets]);
    assert.equal(after.audit_log, (before.audit_log ?? 0) + 2);
  });

  test('names are matched case- and accent-insensitively (no new neighbourhood or street)', async () => {
    const before = await counts(t.db);
    const res = await mk(t.app, 'WSMKInserirLead', params({ endereco_lead: address({ uf: 'pr', city: city.name.toUpperCase().replace('Ã', 'A').replace('É', 'E'), hood: 'CENTRO CIVICO', street: 'rua sao joao' }) }));
    assert.equal(res.body.status, 'OK', JSON.stringify(res.body));
    const c = await t.db.selectFrom('customers').select('street_id').where('id', '=', res.body.CodigoCliente).executeTakeFirstOrThrow();
    assert.equal(c.street_id, street.id);
    const after = await counts(t.db);
    assert.deepEqual([after.neighbourhoods, after.streets], [before.neighbourhoods, before.streets]);
  });

  test('a missing neighbourhood and street are created (audited); empty complement allowed', async () => {
    const res = await mk(t.app, 'WSMKInserirLead', params({ endereco_lead: address({ hood: 'Jardim Novo', street: 'Avenida das Flores', compl: '', cep: '83010123' }) }));
    assert.equal(res.body.status, 'OK', JSON.stringify(res.body));
    const row = await t.db
      .selectFrom('customers as c')
      .innerJoin('street_details as s', 's.street_id', 'c.street_id')
      .select(['s.street_name', 's.neighbourhood_name', 's.city_id', 's.cep', 'c.address_complement'])
      .where('c.id', '=', res.body.CodigoCliente)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { street_name: 'Avenida das Flores', neighbourhood_name: 'Jardim Novo', city_id: city.id, cep: '83010123', address_complement: null });
    const audits = await t.db.selectFrom('audit_log').select('entity').where('entity', 'in', ['neighbourhood', 'street']).execute();
    assert.deepEqual(audits.map((a) => a.entity).sort(), ['neighbourhood', 'street']);
  });

  test('with a CPF: an individual; with a CNPJ: a company; the same document again → 009', async () => {
    const cpf = uniqueCpf();
    const pf = await mk(t.app, 'WSMKInserirLead', params({ documento: cpf }));
    const pfRow = await t.db.selectFrom('customers').select(['person_type', 'document']).where('id', '=', pf.body.CodigoCliente).executeTakeFirstOrThrow();
    assert.deepEqual(pfRow, { person_type: 'individual', document: cpf });
    const pj = await mk(t.app, 'WSMKInserirLead', params({ documento: uniqueCnpj() }));
    const pjRow = await t.db.selectFrom('customers').select('person_type').where('id', '=', pj.body.CodigoCliente).executeTakeFirstOrThrow();
    assert.equal(pjRow.person_type, 'company');
    const before = await counts(t.db);
    const dup = await mk(t.app, 'WSMKInserirLead', params({ documento: cpf }));
    assert.ok(isMkErrorBody(dup.body, '009'));
    assert.deepEqual(await counts(t.db), before);
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKInserirLead', params({ documento: '52998224726' }))).body, '005'));
  });

  test('dataConnection picks the company by its short name; unknown → 005', async () => {
    const other = await createCompany(t.db, w.place.streetId);
    const short = (await t.db.selectFrom('companies').select('short_name').where('id', '=', other.id).executeTakeFirstOrThrow()).short_name;
    const res = await mk(t.app, 'WSMKInserirLead', params({ dataConnection: short.toUpperCase() }));
    const lead = await t.db.selectFrom('leads').select('company_id').where('id', '=', res.body.CodigoLead).executeTakeFirstOrThrow();
    assert.equal(lead.company_id, other.id);
    const bad = await mk(t.app, 'WSMKInserirLead', params({ dataConnection: 'nao-existe' }));
    assert.ok(isMkErrorBody(bad.body, '005'));
    assert.match(bad.body.Mensagem, /dataConnection/);
  });

  test('lat=0&lon=0 (MK example placeholders) = no coordinates; one of them alone or out of range → 005', async () => {
    const zero = await mk(t.app, 'WSMKInserirLead', params({ lat: '0', lon: '0' }));
    const lead = await t.db.selectFrom('leads').select(['latitude', 'longitude']).where('id', '=', zero.body.CodigoLead).executeTakeFirstOrThrow();
    assert.deepEqual(lead, { latitude: null, longitude: null });
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKInserirLead', params({ lat: '-25.5' }))).body, '005'));
    const out = await mk(t.app, 'WSMKInserirLead', params({ lat: '-95', lon: '-49' }));
    assert.ok(isMkErrorBody(out.body, '005'));
    assert.match(out.body.Mensagem, /lat/);
  });

  test('malformed endereco_lead → 005 naming the problem; nothing written', async () => {
    const before = await counts(t.db);
    const cases: Array<[string, RegExp]> = [
      ['PR|Cidade|Bairro|Rua|10|83005000', /7 campos.*recebidos 6/],
      [`${address()}|extra`, /recebidos 8/],
      [address({ hood: ' ' }), /campo bairro vazio/],
      [address({ number: '' }), /campo número vazio/],
      [address({ cep: '123' }), /CEP com 8 dígitos/],
      [address({ uf: 'XX' }), /UF XX inexistente/],
      [address({ uf: 'Paraná' }), /sigla/],
      [address({ city: 'Cidade Que Não Existe' }), /não cadastrada em PR/],
      [address({ uf: 'SC' }), /não cadastrada em SC/],
    ];
    for (const [value, message] of cases) {
      const res = await mk(t.app, 'WSMKInserirLead', params({ endereco_lead: value }));
      assert.ok(isMkErrorBody(res.body, '005'), `${value}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.Mensagem, /endereco_lead/);
      assert.match(res.body.Mensagem, message, value);
    }
    assert.deepEqual(await counts(t.db), before);
  });

  test('required parameters: nome, fone01, endereco_lead → 006; bad phone or e-mail → 005', async () => {
    for (const name of ['nome', 'fone01', 'endereco_lead']) {
      const res = await mk(t.app, 'WSMKInserirLead', params({ [name]: undefined }));
      assert.ok(isMkErrorBody(res.body, '006'), name);
      assert.match(res.body.Mensagem, new RegExp(name));
    }
    assert.match((await mk(t.app, 'WSMKInserirLead', params({ fone01: '123' }))).body.Mensagem, /fone01/);
    assert.match((await mk(t.app, 'WSMKInserirLead', params({ email: 'sem-arroba' }))).body.Mensagem, /email/);
  });

  test('SAC setting forbids sign-ups via APIs → 004, nothing written', async () => {
    await setCrmSettings(t.db, { forbid: true });
    try {
      const before = await counts(t.db);
      const res = await mk(t.app, 'WSMKInserirLead', params({ endereco_lead: address({ hood: 'Bairro Bloqueado' }) }));
      assert.ok(isMkErrorBody(res.body, '004'));
      assert.deepEqual(await counts(t.db), before);
    } finally {
      await setCrmSettings(t.db, { forbid: false });
    }
  });

  test('an existing customer with the same name is not reused: each call makes its own registration', async () => {
    const existing = await createCustomer(t.db, { companyId: w.company.id, streetId: street.id, name: 'JOANA PRADO', document: null, personType: 'pre_registration' });
    const res = await mk(t.app, 'WSMKInserirLead', params());
    assert.notEqual(res.body.CodigoCliente, existing.id);
  });
});
