import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCompany, createCustomer, createStreet, createWorld, ownModules } from '../../support/factories/customers.ts';
import { core } from '../../support/mk-client.ts';

describe('core-api GET /pessoas/id (3 documented variants), /nome, /empresa, /telefone', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
  });
  after(async () => t.close());

  test('/pessoas/id: camelCase object with ids of both addresses and the company; ?cod= works too', async () => {
    const billingStreet = await createStreet(t.db, w.place.neighbourhoodId, { cep: '86200777' });
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, addressNumber: 'S/N', phone: '43988887777', email: 'a@b.com.br' });
    await t.db.updateTable('customers').set({ billing_street_id: billingStreet.id, billing_address_number: '77', billing_cep: '86200777', birth_date: '1991-06-04' }).where('id', '=', c.id).execute();
    const res = await core(t.app, 'GET', '/pessoas/id', { token, id: c.id });
    assert.equal(res.http, 200);
    const b = res.body;
    assert.equal(b.status, undefined);
    assert.deepEqual(
      { id: b.id, cpf: b.cpf, tipo: b.tipo, fone: b.fone, email: b.email, nascimento: b.nascimento, numero: b.numero, numeroCobranca: b.numeroCobranca, cepCobranca: b.cepCobranca, logradouroCobrancaId: b.logradouroCobrancaId, estadoId: b.estadoId, cidadeId: b.cidadeId, bairroId: b.bairroId, provedorEmpresaId: b.provedorEmpresaId },
      { id: c.id, cpf: c.document, tipo: '1', fone: '43988887777', email: 'a@b.com.br', nascimento: '1991-06-04', numero: 'S/N', numeroCobranca: 77, cepCobranca: '86200777', logradouroCobrancaId: billingStreet.id, estadoId: 16, cidadeId: w.place.cityId, bairroId: w.place.neighbourhoodId, provedorEmpresaId: w.company.id },
    );
    assert.equal(b.provedorEmpresa.cnpj, w.company.cnpj);
    assert.match(b.dataCadastro, /^\d{4}-\d{2}-\d{2}T/);
    const byCod = await core(t.app, 'GET', '/pessoas/id', { token, cod: c.id });
    assert.equal(byCod.body.id, c.id);
  });

  test('/pessoas/id: unknown → HTTP 404 + 003 envelope; missing → 006; text → 005', async () => {
    const res = await core(t.app, 'GET', '/pessoas/id', { token, id: 999_999 });
    assert.equal(res.http, 404);
    assert.deepEqual(res.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
    assert.equal((await core(t.app, 'GET', '/pessoas/id', { token })).body['Num. ERRO'], '006');
    assert.equal((await core(t.app, 'GET', '/pessoas/id', { token, id: 'um' })).body['Num. ERRO'], '005');
  });

  test('/pessoas/nome: bare array by name, accent-insensitive; < 3 letters → 005', async () => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, name: 'GERTRUDES ÁVILA' });
    const res = await core(t.app, 'GET', '/pessoas/nome', { token, nome: 'gertrudes avila' });
    assert.deepEqual(res.body.map((p: { id: number }) => p.id), [c.id]);
    assert.deepEqual(await core(t.app, 'GET', '/pessoas/nome', { token, nome: 'nobody-here' }).then((r) => r.body), []);
    assert.equal((await core(t.app, 'GET', '/pessoas/nome', { token, nome: 'ge' })).body['Num. ERRO'], '005');
  });

  test('/pessoas/empresa: customers of that company only, paged with inicio; unknown company → 003', async () => {
    const other = await createCompany(t.db, w.place.streetId);
    const a = await createCustomer(t.db, { companyId: other.id, streetId: w.place.streetId });
    const b = await createCustomer(t.db, { companyId: other.id, streetId: w.place.streetId });
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
    const res = await core(t.app, 'GET', '/pessoas/empresa', { token, empresa: other.id });
    assert.deepEqual(res.body.map((p: { id: number }) => p.id), [a.id, b.id]);
    const page = await core(t.app, 'GET', '/pessoas/empresa', { token, empresa: other.id, inicio: b.id });
    assert.deepEqual(page.body.map((p: { id: number }) => p.id), [b.id]);
    assert.equal((await core(t.app, 'GET', '/pessoas/empresa', { token, empresa: 999_999 })).http, 404);
  });

  test('/pessoas/telefone: exact DDD + number on any phone of the customer; malformed → 005', async () => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, phone: '51999990001' });
    await t.db.insertInto('customer_phones').values({ customer_id: c.id, phone: '5133330002', kind: 'landline' }).execute();
    assert.deepEqual((await core(t.app, 'GET', '/pessoas/telefone', { token, ddd: '51', fone: '99999-0001' })).body.map((p: { id: number }) => p.id), [c.id]);
    assert.deepEqual((await core(t.app, 'GET', '/pessoas/telefone', { token, ddd: '51', fone: '33330002' })).body.map((p: { id: number }) => p.id), [c.id]);
    assert.deepEqual((await core(t.app, 'GET', '/pessoas/telefone', { token, ddd: '51', fone: '33330003' })).body, []);
    assert.equal((await core(t.app, 'GET', '/pessoas/telefone', { token, ddd: '5', fone: '33330002' })).body['Num. ERRO'], '005');
    assert.equal((await core(t.app, 'GET', '/pessoas/telefone', { token, ddd: '51' })).body['Num. ERRO'], '006');
  });
});
