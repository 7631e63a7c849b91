import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOrder, createServiceWorld, createSubscriber, createTicket, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { core } from '../../support/mk-client.ts';

describe('core-api PUT /os', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  const put = (body: Record<string, unknown>) => core(t.app, 'PUT', '/os', { token }, { body: { tipo: w.maintenanceType, ...body } });
  const withTicket = async () => {
    const s = await createSubscriber(t.db, w);
    const ticket = await createTicket(t.db, w, s.customer.id);
    const os = await createOrder(t.db, w, s.customer.id, { ticketId: ticket.id });
    return { s, ticket, os };
  };
  const closing = () => ({
    encerrarOs: 'S',
    operadorEncerramento: w.operator.login,
    servicoPrestado: 'Troca de conector',
    classificacaoEncerramento: w.closingClass,
    fecharAtendimentoAssociado: 'S',
    classificEncerramentoAtendmento: w.closingClass,
  });
  const ticketStatus = async (id: number) => (await t.db.selectFrom('tickets').select(['status', 'closing_classification_id']).where('id', '=', id).executeTakeFirstOrThrow());
  const osStatus = async (id: number) => (await t.db.selectFrom('service_orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  test('changes type and descriptions, links a ticket of the same customer; answers the OS', async () => {
    const s = await createSubscriber(t.db, w);
    const os = await createOrder(t.db, w, s.customer.id);
    const ticket = await createTicket(t.db, w, s.customer.id);
    const res = await put({ id: os.id, tipo: w.installType, defeitoReclamado: 'Sem sinal', defeitoConstatado: 'Fibra rompida', operador: w.operator.login, codigoAtendimentoAssociar: ticket.id });
    assert.equal(res.http, 200);
    assert.deepEqual(
      [res.body.tipo, res.body.defeitoReclamado, res.body.defeitoConstatado, res.body.atendimentoId, res.body.situacao],
      [w.installType, 'Sem sinal', 'Fibra rompida', ticket.id, 'Aberta'],
    );
  });

  test('encerrarOs=S requires operadorEncerramento, servicoPrestado, classificacaoEncerramento and fecharAtendimentoAssociado', async () => {
    const { os } = await withTicket();
    for (const name of ['operadorEncerramento', 'servicoPrestado', 'classificacaoEncerramento', 'fecharAtendimentoAssociado']) {
      const res = await put({ id: os.id, ...closing(), [name]: undefined });
      assert.equal(res.body['Num. ERRO'], '006', name);
      assert.match(res.body.Mensagem, new RegExp(`${name} \\(encerrarOs=S\\)`));
    }
    const res = await put({ id: os.id, ...closing(), classificEncerramentoAtendmento: undefined });
    assert.match(res.body.Mensagem, /classificEncerramentoAtendmento \(fecharAtendimentoAssociado=S\)/);
    assert.equal(await osStatus(os.id), 'open');
  });

  test('closing with fecharAtendimentoAssociado=S closes the OS and its ticket together; a closed OS cannot be closed again', async () => {
    const { os, ticket } = await withTicket();
    const res = await put({ id: os.id, ...closing() });
    assert.equal(res.http, 200);
    assert.deepEqual([res.body.situacao, res.body.servicoPrestado, res.body.classificacaoEncerramento], ['Encerrada', 'Troca de conector', w.closingClass]);
    assert.ok(res.body.dataEncerramento);
    assert.deepEqual(await ticketStatus(ticket.id), { status: 'closed', closing_classification_id: w.closingClass });
    const again = await put({ id: os.id, ...closing() });
    assert.deepEqual([again.http, again.body['Num. ERRO']], [409, '008']);
    assert.match(again.body.Mensagem, /já encerrada/);
    assert.equal((await put({ id: os.id, defeitoConstatado: 'x' })).body['Num. ERRO'], '008');
  });

  test('one transaction: a refused ticket classification leaves the OS open too', async () => {
    const { os, ticket } = await withTicket();
    const res = await put({ id: os.id, ...closing(), classificEncerramentoAtendmento: w.openClass });
    assert.equal(res.body['Num. ERRO'], '005');
    assert.match(res.body.Mensagem, /classificEncerramentoAtendmento/);
    assert.equal(await osStatus(os.id), 'open');
    assert.equal((await ticketStatus(ticket.id)).status, 'open');
  });

  test('fecharAtendimentoAssociado=N keeps the ticket open; =S without a linked ticket → 008', async () => {
    const { os, ticket } = await withTicket();
    assert.equal((await put({ id: os.id, ...closing(), fecharAtendimentoAssociado: 'N' })).http, 200);
    assert.equal((await ticketStatus(ticket.id)).status, 'open');
    const s = await createSubscriber(t.db, w);
    const lone = await createOrder(t.db, w, s.customer.id);
    const res = await put({ id: lone.id, ...closing() });
    assert.equal(res.body['Num. ERRO'], '008');
    assert.equal(await osStatus(lone.id), 'open');
  });

  test('parallel closings of one OS: exactly one wins', async () => {
    const { os } = await withTicket();
    const results = await Promise.all(Array.from({ length: 5 }, () => put({ id: os.id, ...closing() })));
    assert.deepEqual(results.map((r) => r.http).sort(), [200, 409, 409, 409, 409]);
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'service_order').where('entity_id', '=', String(os.id)).execute();
    assert.deepEqual(audits, [{ action: 'close' }]);
  });

  test('errors: unknown OS → 003; tipo missing → 006, unknown → 005; unknown operators and foreign ticket → 005', async () => {
    const { os } = await withTicket();
    assert.deepEqual([(await put({ id: 999_999 })).http, (await put({ id: 999_999 })).body['Num. ERRO']], [404, '003']);
    assert.equal((await core(t.app, 'PUT', '/os', { token }, { body: { id: os.id } })).body['Num. ERRO'], '006');
    assert.equal((await put({ id: os.id, tipo: w.inactiveType })).body['Num. ERRO'], '005');
    assert.match((await put({ id: os.id, operador: 'ninguem' })).body.Mensagem, /operador/);
    assert.match((await put({ id: os.id, ...closing(), operadorEncerramento: 'ninguem' })).body.Mensagem, /operadorEncerramento/);
    const other = await createSubscriber(t.db, w);
    const foreign = await createTicket(t.db, w, other.customer.id);
    assert.match((await put({ id: os.id, codigoAtendimentoAssociar: foreign.id })).body.Mensagem, /codigoAtendimentoAssociar/);
    assert.equal((await put({ id: os.id, encerrarOs: 'X' })).body['Num. ERRO'], '005');
    assert.equal(await osStatus(os.id), 'open');
  });
});
