import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKListaEstados', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('lists the 27 states with MK codes, alphabetical, SP = 25', async () => {
    const res = await mk(t.app, 'WSMKListaEstados', { token });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.Estados.length, 27);
    assert.deepEqual(res.body.Estados[0], { codestado: 1, ibge: 12, nome: 'Acre', sigla: 'AC' });
    assert.deepEqual(res.body.Estados[24], { codestado: 25, ibge: 35, nome: 'São Paulo', sigla: 'SP' });
    assert.ok(res.raw.includes('São Paulo'));
  });

  test('POST with a form body answers the same', async () => {
    const res = await mk(t.app, 'WSMKListaEstados', { token }, { method: 'POST' });
    assert.equal(res.body.Estados.length, 27);
  });
});
