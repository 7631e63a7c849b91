import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCity, ownModules } from '../../support/factories/customers.ts';
import { core } from '../../support/mk-client.ts';

const count = async (db: Db, table: 'cities' | 'audit_log') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('core-api cidades: POST, PUT, GET /cidades/uf', () => {
  let t: TestApp;
  let token: string;
  let login: string;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    const access = await createAccess(t.db);
    login = access.operatorLogin;
    token = await createSession(t.db, access);
  });
  after(async () => t.close());

  test('POST creates the city and writes an audit row naming the operator', async () => {
    const res = await core(t.app, 'POST', '/cidades', { token }, { body: { nome: '  Sertanópolis ', IBGE: 4126702, estado: 16 } });
    assert.equal(res.http, 200);
    assert.deepEqual(Object.keys(res.body), ['IBGE', 'estado', 'id', 'nome']);
    assert.equal(res.body.nome, 'Sertanópolis');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'city').where('entity_id', '=', String(res.body.id)).executeTakeFirstOrThrow();
    assert.equal(audit.actor, `operator:${login}`);
    assert.equal(audit.action, 'create');
  });

  test('POST refuses the same name in the state (any case/accents) and a taken IBGE code; nothing written', async () => {
    await createCity(t.db, { stateId: 16, name: 'Londrina' });
    const before = [await count(t.db, 'cities'), await count(t.db, 'audit_log')];
    const dupName = await core(t.app, 'POST', '/cidades', { token }, { body: { nome: 'LONDRINÁ', IBGE: 4199991, estado: 16 } });
    assert.equal(dupName.http, 409);
    assert.equal(dupName.body['Num. ERRO'], '009');
    const taken = await t.db.selectFrom('cities').select('ibge_code').where('name', '=', 'Londrina').executeTakeFirstOrThrow();
    const dupIbge = await core(t.app, 'POST', '/cidades', { token }, { body: { nome: 'Outra', IBGE: taken.ibge_code, estado: 16 } });
    assert.equal(dupIbge.body['Num. ERRO'], '009');
    assert.deepEqual([await count(t.db, 'cities'), await count(t.db, 'audit_log')], before);
  });

  test('POST: same name in another state is fine', async () => {
    await createCity(t.db, { stateId: 16, name: 'Bonito' });
    const res = await core(t.app, 'POST', '/cidades', { token }, { body: { nome: 'Bonito', IBGE: 5002209, estado: 12 } });
    assert.equal(res.body.estado, 12);
  });

  test('POST errors: unknown state, missing name, text for number, over-long name, 6-digit IBGE', async () => {
    const before = await count(t.db, 'cities');
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ nome: 'X', IBGE: 4199992, estado: 99 }, '005', /estado/],
      [{ IBGE: 4199993, estado: 16 }, '006', /nome/],
      [{ nome: 'X', IBGE: 'abc', estado: 16 }, '005', /IBGE/],
      [{ nome: 'x'.repeat(121), IBGE: 4199994, estado: 16 }, '005', /nome/],
      [{ nome: 'X', IBGE: 419999, estado: 16 }, '005', /IBGE/],
      [{ nome: '   ', IBGE: 4199995, estado: 16 }, '005', /nome/],
    ];
    for (const [body, code, text] of cases) {
      const res = await core(t.app, 'POST', '/cidades', { token }, { body });
      assert.equal(res.body['Num. ERRO'], code, JSON.stringify(body));
      assert.match(res.body.Mensagem, text);
      assert.equal(res.http, 400);
    }
    assert.equal(await count(t.db, 'cities'), before);
  });

  test('PUT renames and/or changes IBGE; unknown id → 003; nothing to change → 006', async () => {
    const city = await createCity(t.db, { stateId: 16 });
    const res = await core(t.app, 'PUT', '/cidades', { token }, { body: { id: city.id, nome: 'Nova Cidade' } });
    assert.deepEqual(res.body, { IBGE: city.ibge_code, estado: 16, id: city.id, nome: 'Nova Cidade' });
    const ibge = await core(t.app, 'PUT', '/cidades', { token }, { body: { id: city.id, IBGE: 4188888 } });
    assert.equal(ibge.body.IBGE, 4188888);
    assert.equal((await core(t.app, 'PUT', '/cidades', { token }, { body: { id: 999_999, nome: 'Y' } })).body['Num. ERRO'], '003');
    assert.equal((await core(t.app, 'PUT', '/cidades', { token }, { body: { id: city.id } })).body['Num. ERRO'], '006');
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'city').where('entity_id', '=', String(city.id)).execute();
    assert.equal(audits.length, 2);
  });

  test('PUT to a name another city of the state has → 009, unchanged', async () => {
    await createCity(t.db, { stateId: 16, name: 'Cambé' });
    const city = await createCity(t.db, { stateId: 16 });
    const res = await core(t.app, 'PUT', '/cidades', { token }, { body: { id: city.id, nome: 'cambe' } });
    assert.equal(res.body['Num. ERRO'], '009');
    const row = await t.db.selectFrom('cities').select('name').where('id', '=', city.id).executeTakeFirstOrThrow();
    assert.equal(row.name, city.name);
  });

  test('GET /cidades/uf lists the cities of the state as a bare array; case-insensitive UF', async () => {
    const a = await createCity(t.db, { stateId: 4, name: 'Manaus' });
    const res = await core(t.app, 'GET', '/cidades/uf', { token, uf: 'am' });
    assert.ok(Array.isArray(res.body));
    assert.deepEqual(res.body, [{ IBGE: a.ibge_code, estado: 4, id: a.id, nome: 'Manaus' }]);
  });

  test('GET /cidades/uf: unknown UF → 003, malformed → 005, missing → 006', async () => {
    assert.equal((await core(t.app, 'GET', '/cidades/uf', { token, uf: 'XX' })).body['Num. ERRO'], '003');
    assert.equal((await core(t.app, 'GET', '/cidades/uf', { token, uf: 'S1' })).body['Num. ERRO'], '005');
    assert.equal((await core(t.app, 'GET', '/cidades/uf', { token })).body['Num. ERRO'], '006');
  });
});
