import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOrder, createServiceWorld, createSubscriber, createTicket, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConsultaOrdemAgendamento', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  let s: Awaited<ReturnType<typeof createSubscriber>>;
  const os: Record<string, number> = {};
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
    s = await createSubscriber(t.db, w);
    const other = await createSubscriber(t.db, w);
    const ticket = await createTicket(t.db, w, s.customer.id);
    const day = (h: number) => new Date(`2026-11-20T${String(h).padStart(2, '0')}:00:00Z`);
    // Opened on 20/11 (São Paulo), scheduled in an order different from the opening order.
    os.late = (await createOrder(t.db, w, s.customer.id, { openedAt: day(12), scheduledFor: new Date('2026-11-22T18:00:00Z'), ticketId: ticket.id })).id;
    os.unscheduled = (await createOrder(t.db, w, s.customer.id, { openedAt: day(13) })).id;
    os.early = (await createOrder(t.db, w, s.customer.id, { openedAt: day(14), scheduledFor: new Date('2026-11-21T11:30:00Z') })).id;
    os.otherTech = (await createOrder(t.db, w, other.customer.id, { openedAt: day(15), scheduledFor: new Date('2026-11-21T10:00:00Z'), technicianId: w.otherTechnician })).id;
    os.nextDay = (await createOrder(t.db, w, s.customer.id, { openedAt: new Date('2026-11-21T12:00:00Z'), scheduledFor: new Date('2026-11-23T12:00:00Z') })).id;
  });
  after(async () => t.close());

  const codes = (body: Record<string, Array<{ codos: number }>>) => (body['Agendas:'] ?? []).map((a) => a.codos);

  test('"Agendas:" with the colon, "Técnico" accented, numeric item status; ordered by scheduled time, unscheduled last', async () => {
    const res = await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, DataAbertura: '20/11/2026' });
    assert.equal(res.body.status, 'OK');
    assert.ok(res.raw.startsWith('{"Agendas:":[{"Cliente":'), res.raw);
    assert.deepEqual(codes(res.body), [os.otherTech, os.early, os.late, os.unscheduled]);
    const late = res.body['Agendas:'][2];
    assert.deepEqual(Object.keys(late), [
      'Cliente', 'Data', 'Data_agendamento', 'Descricao_os', 'Protocolo', 'Técnico', 'bairro', 'cep', 'codCliente', 'codcontrato',
      'codos', 'codpessoa', 'logradouro', 'siglaestado', 'status',
    ]);
    assert.equal(late.Data, '20/11/2026');
    assert.equal(late.Data_agendamento, '22/11/2026 15:00:00');
    assert.equal(late.Técnico, 'ANDERSON LIMA');
    assert.equal(late.status, 2);
    assert.equal(late.codCliente, s.customer.id);
    assert.match(late.Protocolo, /^\d{4}\.\d+$/);
    assert.equal(late.siglaestado, 'PR');
    const unscheduled = res.body['Agendas:'][3];
    assert.deepEqual([unscheduled.Data_agendamento, unscheduled.status, unscheduled.Protocolo], ['', 1, '']);
  });

  test('filters: tecnico, cliente, both; a day without OS → empty list', async () => {
    const byTech = await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, DataAbertura: '2026-11-20', tecnico: w.otherTechnician });
    assert.deepEqual(codes(byTech.body), [os.otherTech]);
    const byCustomer = await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, DataAbertura: '2026-11-20', cliente: s.customer.id });
    assert.deepEqual(codes(byCustomer.body), [os.early, os.late, os.unscheduled]);
    const both = await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, DataAbertura: '2026-11-20', cliente: s.customer.id, tecnico: w.otherTechnician });
    assert.deepEqual(codes(both.body), []);
    const empty = await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, DataAbertura: '2026-01-01' });
    assert.deepEqual(empty.body, { 'Agendas:': [], status: 'OK' });
  });

  test('errors: DataAbertura missing → 006, invalid → 005', async () => {
    assert.equal((await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, cliente: s.customer.id })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, DataAbertura: '31/02/2026' })).body['Num. ERRO'], '005');
  });
});
