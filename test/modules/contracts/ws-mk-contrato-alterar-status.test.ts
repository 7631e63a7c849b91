import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { contractModules, createLookups, type Lookups } from '../../support/factories/contracts.ts';
import { createContract } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

describe('WSMKContratoAlterarStatus', () => {
  let t: TestApp;
  let token: string;
  let l: Lookups;
  let suspensionReason: number;
  let cancellationReason: number;
  let invoiceSuspensionReason: number;
  before(async () => {
    t = await buildTestApp({ modules: contractModules() });
    token = await tokenFor(t.db);
    l = await createLookups(t.db);
    const reason = (kind: 'suspension' | 'cancellation', description: string) =>
      t.db.insertInto('contract_status_reasons').values({ kind, description }).returning('id').executeTakeFirstOrThrow().then((r) => r.id);
    suspensionReason = await reason('suspension', 'Viagem');
    cancellationReason = await reason('cancellation', 'Mudança de cidade');
    invoiceSuspensionReason = (await t.db.insertInto('invoice_suspension_reasons').values({ description: 'Contestação' }).returning('id').executeTakeFirstOrThrow()).id;
  });
  after(async () => t.close());

  const call = (params: Record<string, string | number | undefined>) => mk(t.app, 'WSMKContratoAlterarStatus', { token, ...params });
  const contract = (id: number) => t.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const connections = (contractId: number) => t.db.selectFrom('connections').selectAll().where('contract_id', '=', contractId).orderBy('id').execute();
  /** A customer with an active contract and one unblocked connection. */
  const setup = async (status: 'active' | 'suspended' | 'cancelled' | 'awaiting_activation' = 'active') => {
    const c = await l.newCustomer();
    const k = await createContract(t.db, c, l.companyId, { status, connection: 'unblocked' });
    return { c, k };
  };
  const invoice = (customerId: number, contractId: number | null, status: 'open' | 'paid' | 'suspended') =>
    t.db
      .insertInto('invoices')
      .values({
        company_id: l.companyId,
        customer_id: customerId,
        contract_id: contractId,
        description: `Mensalidade ${status}`,
        amount_cents: 9990,
        issue_date: '2026-11-01',
        due_date: '2026-11-10',
        original_due_date: '2026-11-10',
        status,
        paid_on: status === 'paid' ? '2026-11-09' : null,
        paid_amount_cents: status === 'paid' ? 9990 : null,
        suspended_at: status === 'suspended' ? new Date('2026-11-12T12:00:00Z') : null,
        suspension_reason_id: status === 'suspended' ? invoiceSuspensionReason : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);

  test('SUSPENDER requires Observacao (006, nothing changes)', async () => {
    const { k } = await setup();
    const res = await call({ Operacao: 'SUSPENDER', Contrato: k.id });
    assert.ok(isMkErrorBody(res.body, '006'));
    assert.match(res.body.Mensagem, /Observacao/);
    assert.equal((await contract(k.id)).status, 'active');
  });

  test('SUSPENDER with reason, reactivation date and BloquearConexao=S (no date): suspended, blocked now, history and audit', async () => {
    const { k } = await setup();
    const res = await call({
      Operacao: 'SUSPENDER',
      Contrato: k.id,
      Observacao: 'Cliente viajando',
      CodigoMotivoSuspensao: suspensionReason,
      DataReativacaoContrato: '10/01/2027',
      BloquearConexao: 'S',
    });
    assert.equal(res.http, 200);
    const [conn] = await connections(k.id);
    assert.deepEqual(res.body, {
      ClienteInativado: 'Não',
      CodigoContrato: k.id,
      ConexoesBloqueadas: [conn?.id],
      ConexoesBloqueioAgendado: [],
      ConexoesDesbloqueadas: [],
      FaturaProporcional: null,
      FaturasRemovidas: [],
      Mensagem: 'Contrato suspenso com sucesso.',
      Situacao: 'Suspenso',
      status: 'OK',
    });
    const row = await contract(k.id);
    assert.deepEqual([row.status, row.suspension_reason_id, row.suspension_note, row.reactivate_on], ['suspended', suspensionReason, 'Cliente viajando', '2027-01-10']);
    assert.equal(row.suspended_at?.toISOString(), t.clock.now().toISOString());
    assert.deepEqual([conn?.blocked, conn?.block_reason, conn?.block_note], [true, 'indefinite', 'Cliente viajando']);
    const change = await t.db.selectFrom('contract_status_changes').selectAll().where('contract_id', '=', k.id).where('to_status', '=', 'suspended').executeTakeFirstOrThrow();
    assert.deepEqual([change.from_status, change.reason_id, change.note], ['active', suspensionReason, 'Cliente viajando']);
    assert.ok(change.operator_id);
    assert.equal(change.changed_at.toISOString(), t.clock.now().toISOString());
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor', 'details']).where('entity', '=', 'contract').where('entity_id', '=', String(k.id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['contract.suspend']);
    assert.match(audit[0]?.actor ?? '', /^operator:/);
    assert.match(JSON.stringify(audit[0]?.details), /Cliente viajando/);
    const blockAudit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'connection').where('entity_id', '=', String(conn?.id)).execute();
    assert.deepEqual(blockAudit.map((a) => a.action), ['connection.block']);
  });

  test('BloquearConexao=S with a future DataBloqueioConexao schedules the block (00:00 São Paulo) instead; today blocks now; past → 005', async () => {
    const { k } = await setup();
    const res = await call({ Operacao: 'SUSPENDER', Contrato: k.id, Observacao: 'Pedido do cliente', BloquearConexao: 'S', DataBloqueioConexao: '01/12/2026' });
    const [conn] = await connections(k.id);
    assert.deepEqual([res.body.ConexoesBloqueadas, res.body.ConexoesBloqueioAgendado], [[], [conn?.id]]);
    assert.equal(conn?.blocked, false);
    assert.equal(conn?.scheduled_block_at?.toISOString(), '2026-12-01T03:00:00.000Z');

    const today = await setup();
    const now = await call({ Operacao: 'SUSPENDER', Contrato: today.k.id, Observacao: 'Hoje', BloquearConexao: 'S', DataBloqueioConexao: '24/11/2026' });
    assert.equal(now.body.ConexoesBloqueadas.length, 1);

    const past = await setup();
    const refused = await call({ Operacao: 'SUSPENDER', Contrato: past.k.id, Observacao: 'Ontem', BloquearConexao: 'S', DataBloqueioConexao: '23/11/2026' });
    assert.ok(isMkErrorBody(refused.body, '005'));
    assert.equal((await contract(past.k.id)).status, 'active');
    assert.ok(isMkErrorBody((await call({ Operacao: 'SUSPENDER', Contrato: past.k.id, Observacao: 'x', DataBloqueioConexao: '01/12/2026' })).body, '005'));
  });

  test('SUSPENDER refusals: unknown or cancellation-kind reason → 005; not active → 008; past reactivation → 005', async () => {
    const { k } = await setup();
    assert.ok(isMkErrorBody((await call({ Operacao: 'SUSPENDER', Contrato: k.id, Observacao: 'x', CodigoMotivoSuspensao: 99_999 })).body, '005'));
    assert.ok(isMkErrorBody((await call({ Operacao: 'SUSPENDER', Contrato: k.id, Observacao: 'x', CodigoMotivoSuspensao: cancellationReason })).body, '005'));
    assert.ok(isMkErrorBody((await call({ Operacao: 'SUSPENDER', Contrato: k.id, Observacao: 'x', DataReativacaoContrato: '01/11/2026' })).body, '005'));
    assert.equal((await contract(k.id)).status, 'active');
    for (const status of ['suspended', 'cancelled', 'awaiting_activation'] as const) {
      const other = await setup(status);
      assert.ok(isMkErrorBody((await call({ Operacao: 'SUSPENDER', Contrato: other.k.id, Observacao: 'x' })).body, '008'), status);
    }
  });

  test('ATIVAR a suspended contract: active again, suspension cleared, the suspension block lifted but a non-payment block kept', async () => {
    const { c, k } = await setup();
    await call({ Operacao: 'SUSPENDER', Contrato: k.id, Observacao: 'Viagem', CodigoMotivoSuspensao: suspensionReason, BloquearConexao: 'S' });
    const [suspensionBlocked] = await connections(k.id);
    const debtor = await t.db
      .insertInto('connections')
      .values({
        customer_id: c.id,
        contract_id: k.id,
        access_plan_id: suspensionBlocked?.access_plan_id ?? 0,
        server_id: suspensionBlocked?.server_id ?? 0,
        access_point_id: suspensionBlocked?.access_point_id ?? 0,
        technology: 'ftth',
        ip_type: 'dynamic',
        username: `devedor${k.id}`,
        password: 'x',
        blocked: true,
        block_reason: 'non_payment',
        blocked_at: new Date('2026-11-01T12:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await call({ Operacao: 'ATIVAR', Contrato: k.id, Observacao: 'Voltou' });
    assert.equal(res.body.Situacao, 'Ativo');
    assert.deepEqual(res.body.ConexoesDesbloqueadas, [suspensionBlocked?.id]);
    const row = await contract(k.id);
    assert.deepEqual([row.status, row.suspended_at, row.suspension_reason_id, row.suspension_note], ['active', null, null, null]);
    const after = await connections(k.id);
    assert.deepEqual(after.map((x) => [x.id, x.blocked, x.block_reason]), [[suspensionBlocked?.id, false, null], [debtor.id, true, 'non_payment']]);
    const history = await t.db.selectFrom('contract_status_changes').select(['from_status', 'to_status']).where('contract_id', '=', k.id).orderBy('id').execute();
    assert.deepEqual(history.map((h) => [h.from_status, h.to_status]), [['active', 'suspended'], ['suspended', 'active']]);
  });

  test('ATIVAR refusals: active or cancelled → 008; awaiting activation → 008 pointing at WSMKAtivarContrato; BloquearConexao → 005', async () => {
    for (const status of ['active', 'cancelled'] as const) {
      const { k } = await setup(status);
      assert.ok(isMkErrorBody((await call({ Operacao: 'ATIVAR', Contrato: k.id })).body, '008'), status);
    }
    const { k } = await setup('awaiting_activation');
    const res = await call({ Operacao: 'ATIVAR', Contrato: k.id });
    assert.match(res.body.Mensagem, /WSMKAtivarContrato/);
    const s = await setup('suspended');
    assert.ok(isMkErrorBody((await call({ Operacao: 'ATIVAR', Contrato: s.k.id, BloquearConexao: 'S' })).body, '005'));
  });

  test('CANCELAR with GerarProporcional, RemoverContas and InativarCliente: all in one go', async () => {
    const { c, k } = await setup();
    const open1 = await invoice(c.id, k.id, 'open');
    const open2 = await invoice(c.id, k.id, 'open');
    const paid = await invoice(c.id, k.id, 'paid');
    const suspended = await invoice(c.id, k.id, 'suspended');
    const loose = await invoice(c.id, null, 'open');
    const res = await call({
      Operacao: 'CANCELAR',
      Contrato: k.id,
      Observacao: 'Mudou de cidade',
      CodigoMotivoCancelamento: cancellationReason,
      GerarProporcional: 'S',
      RemoverContas: 'S',
      InativarCliente: 'S',
    });
    assert.equal(res.body.Situacao, 'Cancelado');
    assert.equal(res.body.ClienteInativado, 'Sim');
    assert.deepEqual(res.body.FaturasRemovidas, [open1, open2].sort((a, b) => a - b));
    const status = async (id: number) => (await t.db.selectFrom('invoices').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    assert.deepEqual([await status(open1), await status(open2), await status(paid), await status(suspended), await status(loose)], ['deleted', 'deleted', 'paid', 'suspended', 'open']);
    // Due day 10, cancelled on 24/11: 14 days of 9990/30.
    const prop = await t.db.selectFrom('invoices').selectAll().where('id', '=', res.body.FaturaProporcional).executeTakeFirstOrThrow();
    assert.deepEqual([prop.status, prop.amount_cents, prop.contract_id, prop.due_date, prop.issue_date], ['open', 4662, k.id, '2026-12-04', '2026-11-24']);
    const items = await t.db.selectFrom('invoice_items').select(['kind', 'amount_cents']).where('invoice_id', '=', prop.id).execute();
    assert.deepEqual(items, [{ kind: 'proportional', amount_cents: 4662 }]);
    const row = await contract(k.id);
    assert.deepEqual([row.status, row.cancellation_reason_id, row.cancellation_note], ['cancelled', cancellationReason, 'Mudou de cidade']);
    const customer = await t.db.selectFrom('customers').select(['status', 'inactivated_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(customer.status, 'inactive');
    const [conn] = await connections(k.id);
    assert.ok(conn?.disabled_at, 'the connections of a cancelled contract are disabled');
    const actions = await t.db.selectFrom('audit_log').select('action').where('actor', 'like', 'operator:%').where((eb) => eb.or([
      eb.and([eb('entity', '=', 'contract'), eb('entity_id', '=', String(k.id))]),
      eb.and([eb('entity', '=', 'customer'), eb('entity_id', '=', String(c.id))]),
    ])).execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), ['contract.cancel', 'customer.inactivate']);
  });

  test('CANCELAR with a future block date: the connection keeps working, scheduled; without a date it is blocked and disabled now', async () => {
    const later = await setup();
    const res = await call({ Operacao: 'CANCELAR', Contrato: later.k.id, BloquearConexao: 'S', DataBloqueioConexao: '30/11/2026' });
    const [conn] = await connections(later.k.id);
    assert.deepEqual(res.body.ConexoesBloqueioAgendado, [conn?.id]);
    assert.deepEqual([conn?.blocked, conn?.disabled_at, conn?.scheduled_block_at?.toISOString()], [false, null, '2026-11-30T03:00:00.000Z']);
    const now = await setup();
    await call({ Operacao: 'CANCELAR', Contrato: now.k.id, BloquearConexao: 'S' });
    const [blocked] = await connections(now.k.id);
    assert.equal(blocked?.blocked, true);
    assert.ok(blocked?.disabled_at);
  });

  test('cancel without options touches no invoice and keeps the customer active', async () => {
    const { c, k } = await setup();
    const open = await invoice(c.id, k.id, 'open');
    const res = await call({ Operacao: 'CANCELAR', Contrato: k.id, GerarProporcional: 'N', RemoverContas: 'N', InativarCliente: 'N' });
    assert.deepEqual([res.body.Situacao, res.body.FaturaProporcional, res.body.FaturasRemovidas, res.body.ClienteInativado], ['Cancelado', null, [], 'Não']);
    assert.equal((await t.db.selectFrom('invoices').select('status').where('id', '=', open).executeTakeFirstOrThrow()).status, 'open');
    assert.equal((await t.db.selectFrom('customers').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status, 'active');
  });

  test('InativarCliente while the customer has another live contract → 008 and the whole cancellation is rolled back', async () => {
    const { c, k } = await setup();
    await createContract(t.db, c, l.companyId, { status: 'active', connection: 'none' });
    const open = await invoice(c.id, k.id, 'open');
    const res = await call({ Operacao: 'CANCELAR', Contrato: k.id, InativarCliente: 'S', RemoverContas: 'S', GerarProporcional: 'S', BloquearConexao: 'S' });
    assert.ok(isMkErrorBody(res.body, '008'));
    assert.equal((await contract(k.id)).status, 'active');
    assert.equal((await t.db.selectFrom('invoices').select('status').where('id', '=', open).executeTakeFirstOrThrow()).status, 'open');
    assert.equal((await t.db.selectFrom('invoices').select('id').where('contract_id', '=', k.id).execute()).length, 1);
    const [conn] = await connections(k.id);
    assert.deepEqual([conn?.blocked, conn?.disabled_at], [false, null]);
    assert.equal((await t.db.selectFrom('contract_status_changes').select('id').where('contract_id', '=', k.id).execute()).length, 0);
  });

  test('cancel options with another operation → 005; already cancelled → 008; unknown reason → 005', async () => {
    const { k } = await setup();
    for (const opt of ['GerarProporcional', 'InativarCliente', 'RemoverContas']) {
      const res = await call({ Operacao: 'SUSPENDER', Contrato: k.id, Observacao: 'x', [opt]: 'S' });
      assert.ok(isMkErrorBody(res.body, '005'), opt);
      assert.match(res.body.Mensagem, new RegExp(opt));
    }
    assert.ok(isMkErrorBody((await call({ Operacao: 'CANCELAR', Contrato: k.id, CodigoMotivoCancelamento: suspensionReason })).body, '005'));
    assert.ok(isMkErrorBody((await call({ Operacao: 'CANCELAR', Contrato: k.id, DataReativacaoContrato: '10/01/2027' })).body, '005'));
    assert.ok(isMkErrorBody((await call({ Operacao: 'CANCELAR', Contrato: k.id, CodigoMotivoSuspensao: suspensionReason })).body, '005'));
    assert.equal((await contract(k.id)).status, 'active');
    const cancelled = await setup('cancelled');
    assert.ok(isMkErrorBody((await call({ Operacao: 'CANCELAR', Contrato: cancelled.k.id })).body, '008'));
  });

  test('two concurrent cancellations: exactly one wins', async () => {
    const { k } = await setup();
    const results = await Promise.all([1, 2].map(() => call({ Operacao: 'CANCELAR', Contrato: k.id, GerarProporcional: 'S' })));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 1);
    assert.equal(results.filter((r) => isMkErrorBody(r.body, '008')).length, 1);
    assert.equal((await t.db.selectFrom('invoices').select('id').where('contract_id', '=', k.id).execute()).length, 1);
  });

  test('unknown contract → 003; bad Operacao → 005; missing Operacao/Contrato → 006', async () => {
    assert.ok(isMkErrorBody((await call({ Operacao: 'CANCELAR', Contrato: 999_999 })).body, '003'));
    assert.ok(isMkErrorBody((await call({ Operacao: 'PAUSAR', Contrato: 1 })).body, '005'));
    assert.ok(isMkErrorBody((await call({ Contrato: 1 })).body, '006'));
    assert.ok(isMkErrorBody((await call({ Operacao: 'CANCELAR' })).body, '006'));
  });
});
