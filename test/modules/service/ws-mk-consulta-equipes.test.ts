import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConsultaEquipes', () => {
  let t: TestApp;
  let w: ServiceWorld;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
  });
  after(async () => t.close());

  test('key "Equipes:" with the trailing colon; cd_mestre = team code; the team technicians', async () => {
    const res = await mk(t.app, 'WSMKConsultaEquipes', { token: await tokenFor(t.db) });
    assert.ok(res.raw.startsWith('{"Equipes:":['), res.raw);
    assert.equal(res.body.Equipes, undefined);
    assert.equal(res.body.status, 'OK');
    const team = res.body['Equipes:'][0];
    assert.equal(team.cd_mestre, w.team);
    assert.equal(team.cd_lider, w.technician);
    assert.deepEqual(team.tecnicos, [
      { cd_tecnico: w.technician, nome: 'ANDERSON LIMA' },
      { cd_tecnico: w.otherTechnician, nome: 'EDSON BATISTA' },
    ]);
  });
});
