import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode } from '../../../src/modules/plans/lookups.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('WSMKListaDesconto', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('active discounts: percent or amount (the other null), kind in Portuguese; inactive left out', async () => {
    assert.deepEqual((await mk(t.app, 'WSMKListaDesconto', { token })).body, { Descontos: [], status: 'OK' });
    const ins = (name: string, purpose: string, bp: number | null, cents: number | null, days: number | null, active = true) =>
      t.db
        .insertInto('discounts')
        .values({ name, purpose, percent_basis_points: bp, amount_cents: cents, days_before_due: days, active })
        .returning('id')
        .executeTakeFirstOrThrow();
    const punctual = await ins('Pontualidade 2,5%', 'punctuality', 250, null, 0);
    const loyalty = await ins('Fidelidade R$ 10,00', 'loyalty', null, 1000, null);
    const idle = await ins('Inatividade 50%', 'inactivity', 5000, null, null);
    const off = await ins('Black Friday 2025', 'promotional', 3000, null, null, false);
    const res = await mk(t.app, 'WSMKListaDesconto', { token });
    assert.deepEqual(res.body.Descontos, [
      { codigo: punctual.id, descricao: 'Pontualidade 2,5%', dias_antecedencia: 0, percentual: 2.5, tipo: 'Pontualidade', valor: null },
      { codigo: loyalty.id, descricao: 'Fidelidade R$ 10,00', dias_antecedencia: null, percentual: null, tipo: 'Fidelidade', valor: 10 },
      { codigo: idle.id, descricao: 'Inatividade 50%', dias_antecedencia: null, percentual: 50, tipo: 'Inatividade', valor: null },
    ]);
    assert.equal(await isAcceptedCode(t.db, 'discount', idle.id), true);
    assert.equal(await isAcceptedCode(t.db, 'discount', off.id), false);
  });
});
