import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCity, createNeighbourhood, createPlace, createStreet, ownModules } from '../../support/factories/customers.ts';
import { core } from '../../support/mk-client.ts';

describe('core-api logradouros: POST and PUT', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  const streetsIn = async (neighbourhoodId: number) =>
    (await t.db.selectFrom('streets').select('name').where('neighbourhood_id', '=', neighbourhoodId).orderBy('id').execute()).map((r) => r.name);

  test('POST creates the street; CEP punctuation accepted; audit row written', async () => {
    const place = await createPlace(t.db);
    const res = await core(t.app, 'POST', '/logradouros', { token }, {
      body: { nome: 'Avenida Brasil', cep: '86200-500', bairroId: place.neighbourhoodId, cidadeId: place.cityId },
    });
    assert.deepEqual(res.body, { bairroId: place.neighbourhoodId, cep: '86200500', cidadeId: place.cityId, id: res.body.id, nome: 'Avenida Brasil' });
    const audit = await t.db.selectFrom('audit_log').select('actor').where('entity', '=', 'street').where('entity_id', '=', String(res.body.id)).execute();
    assert.equal(audit.length, 1);
  });

  test('the same street twice in a neighbourhood → 009 (case and accents ignored); fine in another neighbourhood', async () => {
    const place = await createPlace(t.db);
    await createStreet(t.db, place.neighbourhoodId, { name: 'Rua São João' });
    const dup = await core(t.app, 'POST', '/logradouros', { token }, {
      body: { nome: 'RUA SAO JOAO', cep: '86200000', bairroId: place.neighbourhoodId, cidadeId: place.cityId },
    });
    assert.equal(dup.body['Num. ERRO'], '009');
    assert.deepEqual(await streetsIn(place.neighbourhoodId), [place.streetName, 'Rua São João']);
    const other = await createNeighbourhood(t.db, place.cityId);
    const ok = await core(t.app, 'POST', '/logradouros', { token }, { body: { nome: 'Rua São João', cep: '86200000', bairroId: other.id, cidadeId: place.cityId } });
    assert.equal(ok.body.bairroId, other.id);
  });

  test('POST: neighbourhood of another city, unknown codes, bad CEP, missing params → errors, nothing written', async () => {
    const place = await createPlace(t.db);
    const otherCity = await createCity(t.db);
    const base = { nome: 'Rua Nova', cep: '86200000', bairroId: place.neighbourhoodId, cidadeId: place.cityId };
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...base, cidadeId: otherCity.id }, '005', /bairroId/],
      [{ ...base, bairroId: 999_999 }, '005', /bairroId/],
      [{ ...base, cidadeId: 999_999 }, '005', /cidadeId/],
      [{ ...base, cep: '8620000' }, '005', /cep/],
      [{ ...base, cep: 'ABCDEFGH' }, '005', /cep/],
      [{ nome: 'Rua Nova', bairroId: place.neighbourhoodId, cidadeId: place.cityId }, '006', /cep/],
      [{ ...base, nome: 'R'.repeat(151) }, '005', /nome/],
    ];
    for (const [body, code, text] of cases) {
      const res = await core(t.app, 'POST', '/logradouros', { token }, { body });
      assert.equal(res.body['Num. ERRO'], code, JSON.stringify(body));
      assert.match(res.body.Mensagem, text);
    }
    assert.deepEqual(await streetsIn(place.neighbourhoodId), [place.streetName]);
  });

  test('PUT changes name and/or CEP; requires id; unknown id → 003; clash → 009', async () => {
    const place = await createPlace(t.db);
    await createStreet(t.db, place.neighbourhoodId, { name: 'Rua Ocupada' });
    const res = await core(t.app, 'PUT', '/logradouros', { token }, { body: { id: place.streetId, cep: '86.200-999' } });
    assert.deepEqual(res.body, { bairroId: place.neighbourhoodId, cep: '86200999', cidadeId: place.cityId, id: place.streetId, nome: place.streetName });
    const renamed = await core(t.app, 'PUT', '/logradouros', { token }, { body: { id: place.streetId, nome: 'Rua Renomeada' } });
    assert.equal(renamed.body.nome, 'Rua Renomeada');
    assert.equal((await core(t.app, 'PUT', '/logradouros', { token }, { body: { nome: 'X' } })).body['Num. ERRO'], '006');
    assert.equal((await core(t.app, 'PUT', '/logradouros', { token }, { body: { id: place.streetId } })).body['Num. ERRO'], '006');
    assert.equal((await core(t.app, 'PUT', '/logradouros', { token }, { body: { id: 999_999, nome: 'X' } })).body['Num. ERRO'], '003');
    assert.equal((await core(t.app, 'PUT', '/logradouros', { token }, { body: { id: place.streetId, nome: 'rua ocupada' } })).body['Num. ERRO'], '009');
    assert.equal((await core(t.app, 'PUT', '/logradouros', { token }, { body: { id: place.streetId, cep: '1' } })).body['Num. ERRO'], '005');
  });
});
