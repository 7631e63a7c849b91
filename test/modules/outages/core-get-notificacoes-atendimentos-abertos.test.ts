import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOutageScene, crmModules } from '../../support/factories/crm.ts';
import { core, isMkErrorBody } from '../../support/mk-client.ts';

describe('GET /core-api/notificacoes/atendimentos-abertos', () => {
  let t: TestApp;
  let token: string;
  let s: Awaited<ReturnType<typeof createOutageScene>>;
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    token = await createSession(t.db, await createAccess(t.db));
    s = await createOutageScene(t.db);
  });
  after(async () => t.close());

  test('tickets of the outage not yet closed, oldest first, with WSMKAtendimentos-style keys (São Paulo date/time)', async () => {
    const res = await core(t.app, 'GET', '/notificacoes/atendimentos-abertos', { token, codigo_parada: s.ongoing.id });
    assert.equal(res.http, 200);
    const p0 = s.people[0]!;
    const p1 = s.people[1]!;
    assert.deepEqual(res.body, [
      {
        codconexao: p1.connection.id, codigo_atendimento: s.tickets.inProgress.id, codigo_cliente: p1.customer.id, codigo_status: 'E',
        contratoid: p1.contractId, data_abertura: '2026-11-24', descricao: 'Cliente sem conexão (in_progress)',
        descricao_status: 'Em andamento', hr_abertura: '09:10:00', nome_cliente: p1.customer.name, protocolo: s.tickets.inProgress.protocol,
      },
      {
        codconexao: p0.connection.id, codigo_atendimento: s.tickets.open.id, codigo_cliente: p0.customer.id, codigo_status: 'A',
        contratoid: p0.contractId, data_abertura: '2026-11-24', descricao: 'Cliente sem conexão (open)',
        descricao_status: 'Aberto', hr_abertura: '09:30:00', nome_cliente: p0.customer.name, protocolo: s.tickets.open.protocol,
      },
    ]);
    assert.match(s.tickets.inProgress.protocol, /^\d{4}\.\d+$/);
  });

  test('an outage without tickets → []; unknown → 404/003; bad code → 005', async () => {
    assert.deepEqual((await core(t.app, 'GET', '/notificacoes/atendimentos-abertos', { token, codigo_parada: s.finished.id })).body, []);
    const unknown = await core(t.app, 'GET', '/notificacoes/atendimentos-abertos', { token, codigo_parada: 99_999_999 });
    assert.equal(unknown.http, 404);
    assert.ok(isMkErrorBody(unknown.body, '003'));
    assert.ok(isMkErrorBody((await core(t.app, 'GET', '/notificacoes/atendimentos-abertos', { token, codigo_parada: '0' })).body, '005'));
  });
});
