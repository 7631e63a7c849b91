import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOperator, createServiceWorld, createSubscriber, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKNovoAtendimento', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  const open = (params: Record<string, string | number | undefined>, method: 'GET' | 'POST' = 'GET') =>
    mk(t.app, 'WSMKNovoAtendimento', { token, cd_processo: w.childProcess, cd_classificacao_ate: w.openClass, info: 'Cliente sem internet', ...params }, { method });
  const ticket = (id: number) => t.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const ticketCount = async () => Number((await t.db.selectFrom('tickets').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('opens a ticket: the exact CONFIRMED shape, YYMM.seq protocol of the clock month, the contract\'s only connection linked', async () => {
    const s = await createSubscriber(t.db, w);
    const res = await open({ cd_cliente: s.customer.id, cd_contrato: s.contract.id, origem_contato: 9, op_abertura: w.operator.login });
    assert.deepEqual(Object.keys(res.body), ['Cliente', 'CodigoAtendimento', 'CodigoCliente', 'Protocolo', 'status']);
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.Cliente, s.customer.name);
    assert.equal(res.body.CodigoCliente, s.customer.id);
    assert.equal(typeof res.body.CodigoAtendimento, 'number');
    assert.match(res.body.Protocolo, /^2611\.\d+$/);
    const row = await ticket(res.body.CodigoAtendimento);
    assert.equal(row.protocol, res.body.Protocolo);
    assert.deepEqual(
      [row.contract_id, row.connection_id, row.company_id, row.contact_origin_id, row.opened_by_operator_id, row.attendant_id, row.status, row.description],
      [s.contract.id, s.connections[0], w.company.id, 9, w.operator.id, w.attendant, 'open', 'Cliente sem internet'],
    );
    assert.deepEqual(row.opened_at, t.clock.now());
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'ticket').where('entity_id', '=', String(row.id)).execute();
    assert.deepEqual(audit, [{ action: 'open' }]);
  });

  test('POST with a urlencoded body works (UTF-8 text kept)', async () => {
    const s = await createSubscriber(t.db, w);
    const res = await open({ cd_cliente: s.customer.id, info: 'NAVEGAÇÃO lenta' }, 'POST');
    assert.equal(res.body.status, 'OK');
    assert.equal((await ticket(res.body.CodigoAtendimento)).description, 'NAVEGAÇÃO lenta');
  });

  test('several connections: conexao_associada is linked; without it, none; one of another contract → 005', async () => {
    const s = await createSubscriber(t.db, w, { connections: 2 });
    const none = await open({ cd_cliente: s.customer.id, cd_contrato: s.contract.id });
    assert.equal((await ticket(none.body.CodigoAtendimento)).connection_id, null);
    const chosen = await open({ cd_cliente: s.customer.id, cd_contrato: s.contract.id, conexao_associada: s.connections[1] });
    assert.equal((await ticket(chosen.body.CodigoAtendimento)).connection_id, s.connections[1]);
    const other = await createSubscriber(t.db, w);
    const wrong = await open({ cd_cliente: s.customer.id, cd_contrato: s.contract.id, conexao_associada: other.connections[0] });
    assert.equal(wrong.body['Num. ERRO'], '005');
    assert.match(wrong.body.Mensagem, /conexao_associada/);
  });

  test('without cd_contrato: company from the customer, no connection; a contract without connections links none', async () => {
    const s = await createSubscriber(t.db, w);
    const row = await ticket((await open({ cd_cliente: s.customer.id })).body.CodigoAtendimento);
    assert.deepEqual([row.contract_id, row.connection_id, row.company_id, row.opened_by_operator_id], [null, null, w.company.id, row.opened_by_operator_id]);
    const bare = await createSubscriber(t.db, w, { connections: 0 });
    const row2 = await ticket((await open({ cd_cliente: bare.customer.id, cd_contrato: bare.contract.id })).body.CodigoAtendimento);
    assert.equal(row2.connection_id, null);
  });

  test('cd_grupo_visualizadores is stored when it names an active group; an inactive one is refused', async () => {
    const s = await createSubscriber(t.db, w);
    const group = await t.db.insertInto('attendance_groups').values({ name: 'NOC' }).returning('id').executeTakeFirstOrThrow();
    const off = await t.db.insertInto('attendance_groups').values({ name: 'ANTIGO', active: false }).returning('id').executeTakeFirstOrThrow();
    const res = await open({ cd_cliente: s.customer.id, cd_grupo_visualizadores: group.id });
    assert.equal((await ticket(res.body.CodigoAtendimento)).viewer_group_id, group.id);
    assert.equal((await open({ cd_cliente: s.customer.id, cd_grupo_visualizadores: off.id })).body['Num. ERRO'], '005');
  });

  test('refusals, each naming its rule; nothing written', async () => {
    const s = await createSubscriber(t.db, w);
    const other = await createSubscriber(t.db, w);
    const inactive = await createSubscriber(t.db, w, { status: 'inactive' });
    const offOperator = await createOperator(t.db, { active: false });
    const before = await ticketCount();
    const cases: Array<[Record<string, string | number | undefined>, string, RegExp]> = [
      [{ cd_cliente: 999_999 }, '003', /Dados não localizados/],
      [{ cd_cliente: s.customer.id, cd_contrato: other.contract.id }, '005', /cd_contrato/],
      [{ cd_cliente: s.customer.id, cd_processo: 999_999 }, '005', /cd_processo/],
      [{ cd_cliente: s.customer.id, cd_processo: w.inactiveProcess }, '008', /inativo/],
      [{ cd_cliente: s.customer.id, cd_classificacao_ate: 999_999 }, '005', /cd_classificacao_ate/],
      [{ cd_cliente: s.customer.id, cd_classificacao_ate: w.inactiveClass }, '005', /cd_classificacao_ate/],
      [{ cd_cliente: s.customer.id, cd_classificacao_ate: w.closingClass }, '005', /encerramento/],
      [{ cd_cliente: inactive.customer.id }, '008', /inativo/i],
      [{ cd_cliente: s.customer.id, op_abertura: 'ninguem' }, '005', /op_abertura/],
      [{ cd_cliente: s.customer.id, op_abertura: offOperator.login }, '005', /op_abertura/],
      [{ cd_cliente: s.customer.id, origem_contato: 15 }, '005', /origem_contato/],
      [{ cd_cliente: s.customer.id, cd_grupo_visualizadores: 999_999 }, '005', /cd_grupo_visualizadores/],
      [{ cd_cliente: s.customer.id, info: undefined }, '006', /info/],
      [{ cd_cliente: s.customer.id, info: '   ' }, '005', /info/],
      [{ cd_cliente: undefined }, '006', /cd_cliente/],
    ];
    for (const [params, code, text] of cases) {
      const res = await open(params);
      assert.equal(res.body['Num. ERRO'], code, JSON.stringify(params));
      assert.match(res.body.Mensagem, text, JSON.stringify(params));
      assert.equal(Object.keys(res.body).length, 3);
    }
    assert.equal(await ticketCount(), before);
  });

  test('text PostgreSQL cannot store (NUL byte, SQLSTATE 22021) → 005, never 099', async () => {
    const s = await createSubscriber(t.db, w);
    const res = await open({ cd_cliente: s.customer.id, info: 'sem\u0000sinal' });
    assert.equal(res.body['Num. ERRO'], '005');
  });

  test('parallel openings get distinct protocols and ids', async () => {
    const s = await createSubscriber(t.db, w);
    const results = await Promise.all(Array.from({ length: 12 }, () => open({ cd_cliente: s.customer.id, cd_contrato: s.contract.id })));
    assert.ok(results.every((r) => r.body.status === 'OK'));
    assert.equal(new Set(results.map((r) => r.body.Protocolo)).size, 12);
    assert.equal(new Set(results.map((r) => r.body.CodigoAtendimento)).size, 12);
  });
});
