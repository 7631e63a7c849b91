import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConsultaTecnicos', () => {
  let t: TestApp;
  let w: ServiceWorld;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
  });
  after(async () => t.close());

  test('every technician with contact data and situacao (inactive ones too)', async () => {
    const res = await mk(t.app, 'WSMKConsultaTecnicos', { token: await tokenFor(t.db) });
    assert.equal(res.body.status, 'OK');
    const inactive = res.body.Tecnicos.find((x: { cd_tecnico: number }) => x.cd_tecnico === w.inactiveTechnician);
    assert.deepEqual(Object.keys(inactive), ['cd_tecnico', 'email', 'fone', 'nome', 'situacao']);
    assert.equal(inactive.situacao, 'Inativo');
    const active = res.body.Tecnicos.find((x: { cd_tecnico: number }) => x.cd_tecnico === w.technician);
    assert.deepEqual([active.nome, active.fone, active.situacao], ['ANDERSON LIMA', '43999990000', 'Ativo']);
  });
});
