import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../../src/db/seed/index.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, TEST_SECRET, type TestApp } from '../../support/build-test-app.ts';
import { crmModules } from '../../support/factories/crm.ts';
import { core } from '../../support/mk-client.ts';

describe('demo data: one ongoing outage, the documented customer among the affected', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    await seedDemo(t.db, { customers: 150, seed: 7, now: t.clock.now(), secretKey: TEST_SECRET });
    token = await tokenFor(t.db, { now: t.clock.now() });
  });
  after(async () => t.close());

  test('status=A lists one outage affecting several connections, maria.santos (CPF 52998224725) included', async () => {
    const ongoing = await core(t.app, 'GET', '/notificacoes/status', { token, status: 'A' });
    assert.equal(ongoing.body.length, 1);
    assert.ok(ongoing.body[0].qtd_conexoes_afetadas >= 3, JSON.stringify(ongoing.body[0]));
    const affected = await core(t.app, 'GET', '/notificacoes/conexoes-afetadas', { token, codigo_parada: ongoing.body[0].cod });
    const maria = await t.db
      .selectFrom('connections as c')
      .innerJoin('customers as p', 'p.id', 'c.customer_id')
      .select('c.id')
      .where('p.document', '=', '52998224725')
      .where('c.username', '=', 'maria.santos')
      .executeTakeFirstOrThrow();
    const mine = affected.body.filter((c: { codconexao: number }) => c.codconexao === maria.id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].username, 'maria.santos');
    assert.ok(affected.body.length >= 3);
    assert.ok(affected.body.some((c: { codcliente: number }) => c.codcliente !== mine[0].codcliente));
    const finished = await core(t.app, 'GET', '/notificacoes/status', { token, status: 'F' });
    assert.ok(finished.body.every((o: { status: string }) => o.status === 'F'));
  });
});
