import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createPlace, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKListaEstruturaEnderecos (cd_servico 16)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
  });
  after(async () => t.close());

  test('four flat lists linked by the codes NovaPessoa asks for', async () => {
    const token = await tokenFor(t.db, { services: [16] });
    const place = await createPlace(t.db, { stateId: 25 });
    const res = await mk(t.app, 'WSMKListaEstruturaEnderecos', { token });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(Object.keys(res.body), ['Bairros', 'Cidades', 'Estados', 'Logradouros', 'status']);
    assert.equal(res.body.Estados.length, 27);
    const city = res.body.Cidades.find((c: { codcidade: number }) => c.codcidade === place.cityId);
    assert.equal(city.codestado, 25);
    const bairro = res.body.Bairros.find((b: { codbairro: number }) => b.codbairro === place.neighbourhoodId);
    assert.deepEqual(bairro, { codbairro: place.neighbourhoodId, codcidade: place.cityId, nome: place.neighbourhoodName });
    const rua = res.body.Logradouros.find((l: { codlogradouro: number }) => l.codlogradouro === place.streetId);
    assert.deepEqual(rua, { cep: '86200000', codbairro: place.neighbourhoodId, codlogradouro: place.streetId, nome: place.streetName });
  });

  test('a token for another service (ConsultaDoc 6) is refused with 002', async () => {
    const token = await tokenFor(t.db, { services: [6] });
    const res = await mk(t.app, 'WSMKListaEstruturaEnderecos', { token });
    assert.equal(res.body['Num. ERRO'], '002');
  });
});
