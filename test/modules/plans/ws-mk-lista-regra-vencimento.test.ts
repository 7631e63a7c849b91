import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode } from '../../../src/modules/plans/lookups.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('WSMKListaRegraVencimento', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('empty list when there are none', async () => {
    assert.deepEqual((await mk(t.app, 'WSMKListaRegraVencimento', { token })).body, { RegrasVencimento: [], status: 'OK' });
  });

  test('active rules by due day, the CodigoRegraVencimento codes a contract accepts; inactive ones left out', async () => {
    const ins = (name: string, day: number, active = true) =>
      t.db.insertInto('due_date_rules').values({ name, due_day: day, issue_days_before: 10, active }).returning('id').executeTakeFirstOrThrow();
    const d20 = await ins('Vencimento dia 20', 20);
    const d05 = await ins('Vencimento dia 05', 5);
    const off = await ins('Vencimento dia 30', 30, false);
    const res = await mk(t.app, 'WSMKListaRegraVencimento', { token });
    assert.deepEqual(res.body.RegrasVencimento, [
      { codigo: d05.id, descricao: 'Vencimento dia 05', dia_vencimento: 5, dias_antecedencia_emissao: 10 },
      { codigo: d20.id, descricao: 'Vencimento dia 20', dia_vencimento: 20, dias_antecedencia_emissao: 10 },
    ]);
    for (const r of res.body.RegrasVencimento) assert.equal(await isAcceptedCode(t.db, 'dueDateRule', r.codigo), true);
    assert.equal(await isAcceptedCode(t.db, 'dueDateRule', off.id), false);
  });
});
