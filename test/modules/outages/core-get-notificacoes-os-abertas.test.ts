import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOutageScene, crmModules } from '../../support/factories/crm.ts';
import { core, isMkErrorBody } from '../../support/mk-client.ts';

describe('GET /core-api/notificacoes/os-abertas', () => {
  let t: TestApp;
  let token: string;
  let s: Awaited<ReturnType<typeof createOutageScene>>;
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    token = await createSession(t.db, await createAccess(t.db));
    s = await createOutageScene(t.db);
  });
  after(async () => t.close());

  test('open, scheduled and in-progress OS of the outage, oldest first; closed, cancelled and unrelated ones left out', async () => {
    const res = await core(t.app, 'GET', '/notificacoes/os-abertas', { token, codigo_parada: s.ongoing.id });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body.map((o: { codos: number }) => o.codos), [s.orders.inProgress.id, s.orders.scheduled.id, s.orders.open.id]);
    const scheduled = res.body[1];
    const p = s.people[1]!;
    assert.deepEqual(scheduled, {
      codcliente: p.customer.id,
      codconexao: p.connection.id,
      codcontrato: p.contractId,
      codos: s.orders.scheduled.id,
      data_abertura: '2026-11-24T12:15:00.000Z',
      data_agendamento: '2026-11-25T13:00:00.000Z',
      nome_cliente: p.customer.name,
      problema: 'Fibra rompida (scheduled)',
      status: 'Agendada',
      tecnico: s.refs.technician.name,
      tipo: (await t.db.selectFrom('service_order_types').select('description').where('id', '=', s.refs.typeId).executeTakeFirstOrThrow()).description,
    });
    assert.deepEqual(res.body.map((o: { status: string }) => o.status), ['Em execução', 'Agendada', 'Aberta']);
  });

  test('an outage without OS → []; unknown outage → 404/003; missing code → 006', async () => {
    assert.deepEqual((await core(t.app, 'GET', '/notificacoes/os-abertas', { token, codigo_parada: s.finished.id })).body, []);
    const unknown = await core(t.app, 'GET', '/notificacoes/os-abertas', { token, codigo_parada: 99_999_999 });
    assert.equal(unknown.http, 404);
    assert.ok(isMkErrorBody(unknown.body, '003'));
    assert.ok(isMkErrorBody((await core(t.app, 'GET', '/notificacoes/os-abertas', { token })).body, '006'));
  });
});
