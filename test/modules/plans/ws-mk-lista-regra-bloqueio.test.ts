import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode } from '../../../src/modules/plans/lookups.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('WSMKListaRegraBloqueio', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('active blocking rules (CodigoRegraBloqueio): reduction null when the rule never reduces; inactive left out', async () => {
    assert.deepEqual((await mk(t.app, 'WSMKListaRegraBloqueio', { token })).body, { RegrasBloqueio: [], status: 'OK' });
    const std = await t.db
      .insertInto('blocking_rules')
      .values({ name: 'Régua padrão', reduce_after_days: 5, reduced_speed_percent: 50, block_after_days: 15, self_unblock_days: 3, self_unblocks_per_month: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lenient = await t.db.insertInto('blocking_rules').values({ name: 'Régua tolerante', block_after_days: 30, self_unblock_days: 5 }).returning('id').executeTakeFirstOrThrow();
    const off = await t.db.insertInto('blocking_rules').values({ name: 'Régua antiga', block_after_days: 10, active: false }).returning('id').executeTakeFirstOrThrow();
    const res = await mk(t.app, 'WSMKListaRegraBloqueio', { token });
    assert.deepEqual(res.body.RegrasBloqueio, [
      { auto_desbloqueios_mes: 1, codigo: std.id, descricao: 'Régua padrão', dias_auto_desbloqueio: 3, dias_bloqueio: 15, dias_reducao: 5, percentual_velocidade_reduzida: 50 },
      { auto_desbloqueios_mes: 1, codigo: lenient.id, descricao: 'Régua tolerante', dias_auto_desbloqueio: 5, dias_bloqueio: 30, dias_reducao: null, percentual_velocidade_reduzida: null },
    ]);
    assert.equal(await isAcceptedCode(t.db, 'blockingRule', lenient.id), true);
    assert.equal(await isAcceptedCode(t.db, 'blockingRule', off.id), false);
  });
});
