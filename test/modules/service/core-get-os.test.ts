import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOrder, createServiceWorld, createSubscriber, createTicket, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { core } from '../../support/mk-client.ts';

describe('core-api GET /os/id and GET /os/pessoa', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('GET /os/id: camelCase object with the customer address when the OS has none', async () => {
    const s = await createSubscriber(t.db, w);
    const ticket = await createTicket(t.db, w, s.customer.id);
    const os = await createOrder(t.db, w, s.customer.id, { ticketId: ticket.id, scheduledFor: new Date('2026-11-25T13:00:00Z') });
    const res = await core(t.app, 'GET', '/os/id', { token, id: os.id });
    assert.equal(res.http, 200);
    assert.equal(res.body.status, undefined);
    assert.equal(res.body.id, os.id);
    assert.equal(res.body.pessoaId, s.customer.id);
    assert.equal(res.body.atendimentoId, ticket.id);
    assert.equal(res.body.protocoloAtendimento, ticket.protocol);
    assert.equal(res.body.tecnico, 'ANDERSON LIMA');
    assert.equal(res.body.situacao, 'Agendada');
    assert.equal(res.body.dataAgendamento, '2026-11-25T13:00:00.000Z');
    assert.equal(res.body.logradouroId, w.place.streetId);
    assert.equal(res.body.cep, '86200000');
  });

  test('GET /os/pessoa: bare array, newest first; [] for a customer without OS', async () => {
    const s = await createSubscriber(t.db, w);
    const older = await createOrder(t.db, w, s.customer.id, { openedAt: new Date('2026-10-01T12:00:00Z') });
    const newer = await createOrder(t.db, w, s.customer.id, { openedAt: new Date('2026-11-01T12:00:00Z') });
    const res = await core(t.app, 'GET', '/os/pessoa', { token, pessoa: s.customer.id });
    assert.ok(res.raw.startsWith('[{'));
    assert.deepEqual(res.body.map((o: { id: number }) => o.id), [newer.id, older.id]);
    const empty = await createSubscriber(t.db, w);
    assert.deepEqual((await core(t.app, 'GET', '/os/pessoa', { token, pessoa: empty.customer.id })).body, []);
  });

  test('errors: unknown OS or customer → 003 with HTTP 404; missing id → 006; bad id → 005', async () => {
    const a = await core(t.app, 'GET', '/os/id', { token, id: 999_999 });
    assert.deepEqual([a.http, a.body['Num. ERRO']], [404, '003']);
    const b = await core(t.app, 'GET', '/os/pessoa', { token, pessoa: 999_999 });
    assert.deepEqual([b.http, b.body['Num. ERRO']], [404, '003']);
    assert.equal((await core(t.app, 'GET', '/os/id', { token })).body['Num. ERRO'], '006');
    assert.equal((await core(t.app, 'GET', '/os/pessoa', { token, pessoa: 'x' })).body['Num. ERRO'], '005');
  });
});
