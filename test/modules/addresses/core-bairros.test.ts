import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCity, createNeighbourhood, ownModules } from '../../support/factories/customers.ts';
import { core } from '../../support/mk-client.ts';

describe('core-api bairros: POST and PUT', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('POST creates a neighbourhood in the city, with an audit row', async () => {
    const city = await createCity(t.db);
    const res = await core(t.app, 'POST', '/bairros', { token }, { body: { nome: 'Jardim Europa', cidadeId: city.id } });
    assert.deepEqual(Object.keys(res.body), ['cidadeId', 'id', 'nome']);
    assert.equal(res.body.cidadeId, city.id);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'neighbourhood').where('entity_id', '=', String(res.body.id)).execute();
    assert.equal(audit.length, 1);
  });

  test('POST parameters also work from the query string (MK clients mix)', async () => {
    const city = await createCity(t.db);
    const res = await core(t.app, 'POST', '/bairros', { token, nome: 'Vila Rica', cidadeId: city.id });
    assert.equal(res.body.nome, 'Vila Rica');
  });

  test('POST: duplicate in the city → 009; unknown city → 005; text city → 005; nothing written', async () => {
    const city = await createCity(t.db);
    await createNeighbourhood(t.db, city.id, 'Centro');
    const dup = await core(t.app, 'POST', '/bairros', { token }, { body: { nome: 'CENTRO', cidadeId: city.id } });
    assert.equal(dup.body['Num. ERRO'], '009');
    const unknown = await core(t.app, 'POST', '/bairros', { token }, { body: { nome: 'Novo', cidadeId: 999_999 } });
    assert.equal(unknown.body['Num. ERRO'], '005');
    assert.match(unknown.body.Mensagem, /cidadeId/);
    const text = await core(t.app, 'POST', '/bairros', { token }, { body: { nome: 'Novo', cidadeId: 'dez' } });
    assert.equal(text.body['Num. ERRO'], '005');
    const rows = await t.db.selectFrom('neighbourhoods').select('name').where('city_id', '=', city.id).execute();
    assert.deepEqual(rows.map((r) => r.name), ['Centro']);
  });

  test('PUT renames; id and nome are required; unknown id → 003; clash → 009', async () => {
    const city = await createCity(t.db);
    const n = await createNeighbourhood(t.db, city.id, 'Velho');
    await createNeighbourhood(t.db, city.id, 'Ocupado');
    const res = await core(t.app, 'PUT', '/bairros', { token }, { body: { id: n.id, nome: 'Novo Nome' } });
    assert.deepEqual(res.body, { cidadeId: city.id, id: n.id, nome: 'Novo Nome' });
    assert.equal((await core(t.app, 'PUT', '/bairros', { token }, { body: { id: n.id } })).body['Num. ERRO'], '006');
    assert.equal((await core(t.app, 'PUT', '/bairros', { token }, { body: { nome: 'X' } })).body['Num. ERRO'], '006');
    assert.equal((await core(t.app, 'PUT', '/bairros', { token }, { body: { id: 999_999, nome: 'X' } })).body['Num. ERRO'], '003');
    assert.equal((await core(t.app, 'PUT', '/bairros', { token }, { body: { id: n.id, nome: 'ocupado' } })).body['Num. ERRO'], '009');
  });
});
