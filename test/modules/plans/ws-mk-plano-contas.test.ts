import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAcceptedCode } from '../../../src/modules/plans/lookups.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('WSMKPlanoContas', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('exactly the active leaf revenue accounts, by classification — the rule CodigoPlanoContas is checked against', async () => {
    assert.deepEqual((await mk(t.app, 'WSMKPlanoContas', { token })).body, { PlanoContas: [], status: 'OK' });
    const ins = async (code: string, name: string, kind: string, parent: number | null, leaf: boolean, active = true) =>
      (
        await t.db
          .insertInto('chart_of_accounts')
          .values({ code, name, kind, parent_id: parent, accepts_entries: leaf, active })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const root = await ins('1', 'Receitas', 'revenue', null, false);
    const group = await ins('1.01', 'Receitas operacionais', 'revenue', root, false);
    const tv = await ins('1.01.002', 'Mensalidades de TV', 'revenue', group, true);
    const internet = await ins('1.01.001', 'Mensalidades de internet', 'revenue', group, true);
    const closed = await ins('1.01.009', 'Receita descontinuada', 'revenue', group, true, false);
    const expense = await ins('2.01', 'Link de trânsito IP', 'expense', null, true);
    const asset = await ins('3.01', 'Caixa', 'asset', null, true);
    const res = await mk(t.app, 'WSMKPlanoContas', { token });
    assert.deepEqual(res.body.PlanoContas, [
      { classificacao: '1.01.001', codigo: internet, descricao: 'Mensalidades de internet' },
      { classificacao: '1.01.002', codigo: tv, descricao: 'Mensalidades de TV' },
    ]);
    for (const id of [internet, tv]) assert.equal(await isAcceptedCode(t.db, 'chartAccount', id), true);
    for (const id of [root, group, closed, expense, asset]) assert.equal(await isAcceptedCode(t.db, 'chartAccount', id), false, `account ${id}`);
  });
});
