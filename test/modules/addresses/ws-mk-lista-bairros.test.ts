import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCity, createNeighbourhood, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKListaBairros', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('lists the neighbourhoods of the city only, by name', async () => {
    const city = await createCity(t.db, { name: 'Ibiporã' });
    const other = await createCity(t.db);
    const b = await createNeighbourhood(t.db, city.id, 'Vila Nova');
    const a = await createNeighbourhood(t.db, city.id, 'Centro');
    await createNeighbourhood(t.db, other.id, 'Centro');
    const res = await mk(t.app, 'WSMKListaBairros', { token, cd_cidade: city.id });
    assert.deepEqual(res.body, {
      Bairros: [
        { codbairro: a.id, nome: 'Centro' },
        { codbairro: b.id, nome: 'Vila Nova' },
      ],
      Cidade: 'Ibiporã',
      CodigoCidade: city.id,
      status: 'OK',
    });
  });

  test('a city without neighbourhoods gives an empty list', async () => {
    const city = await createCity(t.db);
    const res = await mk(t.app, 'WSMKListaBairros', { token, cd_cidade: city.id });
    assert.deepEqual(res.body.Bairros, []);
  });

  test('unknown city → 003 with exactly three keys', async () => {
    const res = await mk(t.app, 'WSMKListaBairros', { token, cd_cidade: 999_999 });
    assert.deepEqual(res.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
  });

  test('missing or textual cd_cidade → 006 / 005', async () => {
    assert.equal((await mk(t.app, 'WSMKListaBairros', { token })).body['Num. ERRO'], '006');
    const text = await mk(t.app, 'WSMKListaBairros', { token, cd_cidade: 'abc' });
    assert.equal(text.body['Num. ERRO'], '005');
    assert.match(text.body.Mensagem, /cd_cidade/);
  });
});
