import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../../src/db/seed/index.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, TEST_SECRET, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { plansModules } from './fixtures.ts';

describe('demo seed: the plans lookups', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: plansModules() });
    await seedDemo(t.db, { customers: 10, seed: 3, now: new Date('2026-11-24T15:00:00Z'), secretKey: TEST_SECRET });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  const names = async (endpoint: string, key: string, params: Record<string, string | number> = {}) =>
    (await mk(t.app, endpoint, { token, ...params })).body[key].map((i: { descricao: string }) => i.descricao);

  test('every plan type a Brazilian ISP sells has active plans, per company; retired ones are not listed', async () => {
    const internet = await names('WSMKListaPlanoAcesso', 'PlanosAcesso', { TipoPlano: 1 });
    assert.ok(internet.includes('FIBRA 500 MEGA'));
    assert.ok(!internet.includes('FIBRA 100 MEGA'), 'inactive in the seed');
    assert.equal((await names('WSMKListaPlanoAcesso', 'PlanosAcesso', { TipoPlano: 8 })).filter((n: string) => n === 'IPTV 120 CANAIS').length, 2);
    assert.equal((await names('WSMKListaPlanoAcesso', 'PlanosAcesso', { TipoPlano: 7 })).length, 2);
    assert.deepEqual(await names('WSMKListaPlanoAcesso', 'PlanosAcesso', { TipoPlano: 3 }), []);
  });

  test('rule lists hold the seeded values and leave the retired ones out', async () => {
    assert.deepEqual(await names('WSMKListaRegraVencimento', 'RegrasVencimento'), [5, 10, 15, 20, 25].map((d) => `Vencimento dia ${String(d).padStart(2, '0')}`));
    assert.ok(!(await names('WSMKListaTabelaSLA', 'TabelasSLA')).some((n: string) => n.includes('descontinuado')));
    assert.ok(!(await names('WSMKListaRegraBloqueio', 'RegrasBloqueio')).includes('Régua sem redução (antiga)'));
    assert.ok(!(await names('WSMKListaDesconto', 'Descontos')).includes('Black Friday 30% (encerrado)'));
    assert.deepEqual(await names('WSMKPlanoContas', 'PlanoContas'), [
      'Mensalidades de internet',
      'Mensalidades de TV e telefonia',
      'Taxas de instalação',
      'Locação e venda de equipamentos',
      'Juros e multas recebidos',
    ]);
  });
});
