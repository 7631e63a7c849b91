import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup } from '../../support/factories/billing.ts';
import { createNetwork } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConexaoPontoAcesso', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('lists active access points with their server; dataConnection narrows to one company', async () => {
    const a = await createBillingSetup(t.db);
    const b = await createBillingSetup(t.db);
    const netA = await createNetwork(t.db, a);
    const netB = await createNetwork(t.db, b);
    await t.db
      .insertInto('access_points')
      .values({ company_id: a.companyId, name: 'TORRE DESATIVADA', kind: 'tower', technology: 'wireless', active: false })
      .execute();
    const all = await mk(t.app, 'WSMKConexaoPontoAcesso', { token });
    assert.equal(all.body.status, 'OK');
    assert.deepEqual(all.body.PontosAcesso.map((p: { codigo: number }) => p.codigo), [netA.accessPointId, netB.accessPointId]);
    assert.deepEqual(all.body.PontosAcesso[0], {
      codigo: netA.accessPointId,
      descricao: all.body.PontosAcesso[0].descricao,
      servidor: netA.serverId,
      tecnologia: 'FTTH',
      tipo: 'OLT',
    });
    const company = await t.db.selectFrom('companies').select('short_name').where('id', '=', a.companyId).executeTakeFirstOrThrow();
    const one = await mk(t.app, 'WSMKConexaoPontoAcesso', { token, dataConnection: company.short_name });
    assert.deepEqual(one.body.PontosAcesso.map((p: { codigo: number }) => p.codigo), [netA.accessPointId]);
  });

  test('unknown dataConnection → 005', async () => {
    assert.equal((await mk(t.app, 'WSMKConexaoPontoAcesso', { token, dataConnection: 'xyz' })).body['Num. ERRO'], '005');
  });
});
