import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCondominium, createPlace, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKListaCondominios', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('empty list when there are none', async () => {
    const res = await mk(t.app, 'WSMKListaCondominios', { token });
    assert.deepEqual(res.body, { Condominios: [], status: 'OK' });
  });

  test('active condominiums with the address codes a registration needs; inactive ones left out', async () => {
    const place = await createPlace(t.db);
    const c = await createCondominium(t.db, place.streetId, { name: 'Residencial Aurora', number: '55', cep: '86200123' });
    await createCondominium(t.db, place.streetId, { name: 'Antigo', active: false });
    const res = await mk(t.app, 'WSMKListaCondominios', { token });
    assert.equal(res.body.Condominios.length, 1);
    assert.deepEqual(res.body.Condominios[0], {
      bairro: place.neighbourhoodName,
      blocos: null,
      cep: '86200123',
      cidade: place.cityName,
      codbairro: place.neighbourhoodId,
      codcidade: place.cityId,
      codcondominio: c.id,
      codlogradouro: place.streetId,
      coduf: 16,
      latitude: '-23.1',
      logradouro: place.streetName,
      longitude: '-51.05',
      nome: 'Residencial Aurora',
      numero: '55',
      uf: 'PR',
      unidades: null,
    });
  });
});
