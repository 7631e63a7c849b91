import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCustomer, createWorld, ownModules, uniqueCnpj, uniqueCpf } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

const PERSON_KEYS = ['CEP', 'CodigoPessoa', 'Email', 'Endereco', 'Fone', 'Latitude', 'Longitude', 'Nome', 'Situacao'];

describe('WSMKConsultaDoc (cd_servico 6)', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db, { services: [6] });
    w = await createWorld(t.db);
  });
  after(async () => t.close());

  test('exactly the documented keys; formatted document accepted; flat address; "" coordinates', async () => {
    const doc = uniqueCpf();
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, document: doc, name: 'FULANO DE TAL', addressNumber: '500', phone: '43999990000', email: 'fulano@example.com' });
    const formatted = `${doc.slice(0, 3)}.${doc.slice(3, 6)}.${doc.slice(6, 9)}-${doc.slice(9)}`;
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc: formatted });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, {
      CEP: '86200000',
      CodigoPessoa: c.id,
      Email: 'fulano@example.com',
      Endereco: `${w.place.streetName}, 500 - ${w.place.neighbourhoodName}, ${w.place.cityName}`,
      Fone: '43999990000',
      Latitude: '',
      Longitude: '',
      Nome: 'FULANO DE TAL',
      Outros: [],
      Situacao: 'Ativo',
      status: 'OK',
    });
  });

  test('several registrations: root = oldest active, Outros newest first with the same person keys', async () => {
    const doc = uniqueCnpj();
    const base = { companyId: w.company.id, streetId: w.place.streetId, document: doc, personType: 'company' as const };
    const oldInactive = await createCustomer(t.db, { ...base, status: 'inactive', createdAt: new Date('2020-01-01T12:00:00Z') });
    const main = await createCustomer(t.db, { ...base, createdAt: new Date('2021-01-01T12:00:00Z'), latitude: -23.3, longitude: -51.1 });
    const newest = await createCustomer(t.db, { ...base, createdAt: new Date('2024-01-01T12:00:00Z'), phone: null, email: null });
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc });
    assert.equal(res.body.CodigoPessoa, main.id);
    assert.equal(res.body.Latitude, '-23.3');
    assert.deepEqual(res.body.Outros.map((o: { CodigoPessoa: number }) => o.CodigoPessoa), [newest.id, oldInactive.id]);
    for (const o of res.body.Outros) assert.deepEqual(Object.keys(o), PERSON_KEYS);
    assert.equal(res.body.Outros[0].Fone, '');
    assert.equal(res.body.Outros[1].Situacao, 'Inativo');
  });

  test('only inactive registrations: the oldest is the root, Situacao Inativo', async () => {
    const doc = uniqueCpf();
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, document: doc, status: 'inactive' });
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc });
    assert.equal(res.body.CodigoPessoa, c.id);
    assert.equal(res.body.Situacao, 'Inativo');
  });

  test('not found: the exact 3-key 003 envelope, HTTP 200', async () => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc: uniqueCpf() });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
  });

  test('wrong check digit, malformed and missing document → 005/006 naming doc', async () => {
    const good = uniqueCpf();
    const bad = good.slice(0, 10) + String((Number(good[10]) + 1) % 10);
    for (const doc of [bad, '123', 'abcdefghijk']) {
      const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc });
      assert.equal(res.body['Num. ERRO'], '005', doc);
      assert.match(res.body.Mensagem, /doc/);
    }
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token })).body['Num. ERRO'], '006');
  });

  test('POST with a form body works like GET', async () => {
    const doc = uniqueCpf();
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, document: doc });
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc }, { method: 'POST' });
    assert.equal(res.body.status, 'OK');
  });
});
