import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode } from '../../../src/modules/plans/lookups.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('WSMKListaTabelaSLA', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('active SLA tables with response and resolution hours (CodigoSLA); inactive ones left out', async () => {
    assert.deepEqual((await mk(t.app, 'WSMKListaTabelaSLA', { token })).body, { TabelasSLA: [], status: 'OK' });
    const ins = (name: string, response: number, resolution: number, active = true) =>
      t.db.insertInto('sla_tables').values({ name, response_hours: response, resolution_hours: resolution, active }).returning('id').executeTakeFirstOrThrow();
    const home = await ins('Residencial', 24, 72);
    const biz = await ins('Empresarial', 4, 8);
    const off = await ins('Antiga', 48, 96, false);
    const res = await mk(t.app, 'WSMKListaTabelaSLA', { token });
    assert.deepEqual(res.body.TabelasSLA, [
      { codigo: home.id, descricao: 'Residencial', horas_atendimento: 24, horas_solucao: 72 },
      { codigo: biz.id, descricao: 'Empresarial', horas_atendimento: 4, horas_solucao: 8 },
    ]);
    assert.equal(await isAcceptedCode(t.db, 'slaTable', biz.id), true);
    assert.equal(await isAcceptedCode(t.db, 'slaTable', off.id), false);
  });
});
