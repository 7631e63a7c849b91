import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { contractModules, createLookups, type Lookups, novoContratoParams } from '../../support/factories/contracts.ts';
import { createContract } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

describe('WSMKAtivarContrato', () => {
  let t: TestApp;
  let token: string;
  let l: Lookups;
  before(async () => {
    t = await buildTestApp({ modules: contractModules() });
    token = await tokenFor(t.db);
    l = await createLookups(t.db);
  });
  after(async () => t.close());

  const awaiting = async (billing: 'invoice_per_charge' | 'group_charges' | 'manual' = 'invoice_per_charge') => {
    const c = await l.newCustomer();
    const k = await createContract(t.db, c, l.companyId, { status: 'awaiting_activation', connection: 'none' });
    await t.db.updateTable('contracts').set({ billing_method: billing }).where('id', '=', k.id).execute();
    return k;
  };
  const contract = (id: number) => t.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('NovoContrato AguardaAtivacao=S → AtivarContrato activates it, with history, audit and the observation', async () => {
    const c = await l.newCustomer();
    const created = await mk(t.app, 'WSMKNovoContrato', { token, ...novoContratoParams(l, c.id), AguardaAtivacao: 'S' });
    const id = created.body.CodigoContrato;
    const res = await mk(t.app, 'WSMKAtivarContrato', { token, contrato: id, observacao: 'Instalação concluída' });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, { CodigoContrato: id, Mensagem: 'Contrato ativado com sucesso.', Situacao: 'Ativo', status: 'OK' });
    const k = await contract(id);
    assert.equal(k.status, 'active');
    assert.equal(k.activated_at?.toISOString(), t.clock.now().toISOString());
    assert.equal(k.notes, 'Instalação concluída');
    const history = await t.db.selectFrom('contract_status_changes').select(['from_status', 'to_status', 'note', 'operator_id']).where('contract_id', '=', id).orderBy('id').execute();
    assert.deepEqual(history.map((h) => [h.from_status, h.to_status]), [[null, 'awaiting_activation'], ['awaiting_activation', 'active']]);
    assert.equal(history[1]?.note, 'Instalação concluída');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'contract').where('entity_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['contract.create', 'contract.activate']);
  });

  test('both documented billing methods can be activated', async () => {
    for (const method of ['invoice_per_charge', 'group_charges'] as const) {
      const k = await awaiting(method);
      assert.equal((await mk(t.app, 'WSMKAtivarContrato', { token, contrato: k.id })).body.status, 'OK', method);
    }
  });

  test('only contracts awaiting activation: active, suspended or cancelled → 008, unchanged', async () => {
    for (const status of ['active', 'suspended', 'cancelled'] as const) {
      const c = await l.newCustomer();
      const k = await createContract(t.db, c, l.companyId, { status, connection: 'none' });
      const res = await mk(t.app, 'WSMKAtivarContrato', { token, contrato: k.id });
      assert.ok(isMkErrorBody(res.body, '008'), status);
      assert.match(res.body.Mensagem, /aguardando ativação/);
      assert.equal((await contract(k.id)).status, status);
    }
  });

  test('a billing method other than the two documented ones (manual) → 008, still awaiting', async () => {
    const k = await awaiting('manual');
    const res = await mk(t.app, 'WSMKAtivarContrato', { token, contrato: k.id });
    assert.ok(isMkErrorBody(res.body, '008'));
    assert.match(res.body.Mensagem, /faturamento/);
    assert.equal((await contract(k.id)).status, 'awaiting_activation');
    const novo = await mk(t.app, 'WSMKNovoContrato', { token, ...novoContratoParams(l, (await l.newCustomer()).id), CodigoMetodoFaturamento: 3, AguardaAtivacao: 'S' });
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKAtivarContrato', { token, contrato: novo.body.CodigoContrato })).body, '008'));
  });

  test('two concurrent activations: exactly one wins, one history row', async () => {
    const k = await awaiting();
    const results = await Promise.all([1, 2, 3].map(() => mk(t.app, 'WSMKAtivarContrato', { token, contrato: k.id })));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 1);
    assert.equal(results.filter((r) => isMkErrorBody(r.body, '008')).length, 2);
    const history = await t.db.selectFrom('contract_status_changes').select('id').where('contract_id', '=', k.id).where('to_status', '=', 'active').execute();
    assert.equal(history.length, 1);
  });

  test('unknown contract → 003; missing → 006; invalid → 005', async () => {
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKAtivarContrato', { token, contrato: 999_999 })).body, '003'));
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKAtivarContrato', { token })).body, '006'));
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKAtivarContrato', { token, contrato: '12x' })).body, '005'));
  });
});
