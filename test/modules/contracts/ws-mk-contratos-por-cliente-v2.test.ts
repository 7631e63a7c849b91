import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { contractModules } from '../../support/factories/contracts.ts';
import { createContract, createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

describe('WSMKContratosPorClienteV2', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let c: { id: number; name: string };
  const ids: Record<string, number> = {};
  before(async () => {
    t = await buildTestApp({ modules: contractModules() });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
    c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, name: 'CLIENTE V2' });
    for (const status of ['active', 'cancelled', 'suspended', 'awaiting_activation'] as const) {
      ids[status] = (await createContract(t.db, c, w.company.id, { status, connection: 'none' })).id;
    }
  });
  after(async () => t.close());

  test('every status, items with exactly the four CONFIRMED keys, under Contratos', async () => {
    const res = await mk(t.app, 'WSMKContratosPorClienteV2', { token, cd_cliente: c.id });
    assert.deepEqual(Object.keys(res.body), ['CodigoPessoa', 'Contratos', 'Nome', 'status']);
    assert.equal(res.body.CodigoPessoa, c.id);
    assert.equal(res.body.Nome, 'CLIENTE V2');
    for (const item of res.body.Contratos) assert.deepEqual(Object.keys(item), ['adesao', 'codcontrato', 'plano_acesso', 'status_contrato']);
    assert.deepEqual(
      res.body.Contratos.map((k: { codcontrato: number; status_contrato: string; adesao: string }) => [k.codcontrato, k.status_contrato, k.adesao]),
      [
        [ids.active, 'Ativo', '2026-03-01'],
        [ids.cancelled, 'Cancelado', '2026-03-01'],
        [ids.suspended, 'Suspenso', '2026-03-01'],
        [ids.awaiting_activation, 'Aguardando ativação', '2026-03-01'],
      ],
    );
  });

  test('status filters by the MK words (case and accents ignored) or their initial', async () => {
    const only = async (status: string) =>
      (await mk(t.app, 'WSMKContratosPorClienteV2', { token, cd_cliente: c.id, status })).body.Contratos.map((k: { codcontrato: number }) => k.codcontrato);
    assert.deepEqual(await only('Ativo'), [ids.active]);
    assert.deepEqual(await only('CANCELADO'), [ids.cancelled]);
    assert.deepEqual(await only('s'), [ids.suspended]);
    assert.deepEqual(await only('Aguardando ativacao'), [ids.awaiting_activation]);
  });

  test('unknown status → 005; unknown customer → 003; no cd_cliente → 006', async () => {
    const bad = await mk(t.app, 'WSMKContratosPorClienteV2', { token, cd_cliente: c.id, status: 'Quebrado' });
    assert.ok(isMkErrorBody(bad.body, '005'));
    assert.match(bad.body.Mensagem, /status/);
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKContratosPorClienteV2', { token, cd_cliente: 999_999 })).body, '003'));
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKContratosPorClienteV2', { token })).body, '006'));
  });

  test('a customer without contracts: OK with Contratos []', async () => {
    const empty = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
    const res = await mk(t.app, 'WSMKContratosPorClienteV2', { token, cd_cliente: empty.id });
    assert.deepEqual(res.body.Contratos, []);
    assert.equal(res.body.status, 'OK');
  });
});
