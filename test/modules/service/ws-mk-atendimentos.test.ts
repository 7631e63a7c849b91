import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, createSubscriber, createTicket, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKAtendimentos', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  const ids: Record<string, number> = {};
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
    const a = await createSubscriber(t.db, w);
    const b = await createSubscriber(t.db, w);
    // 23:30 in São Paulo on 31/10 is already 01/11 in UTC: the day boundary is São Paulo's.
    ids.lateOct = (await createTicket(t.db, w, a.customer.id, { openedAt: new Date('2026-11-01T02:30:00Z'), contractId: a.contract.id })).id;
    ids.nov1 = (await createTicket(t.db, w, b.customer.id, { openedAt: new Date('2026-11-01T12:03:22Z'), attendantId: null })).id;
    ids.nov20 = (await createTicket(t.db, w, a.customer.id, { openedAt: new Date('2026-11-20T17:03:22Z'), status: 'closed' })).id;
    ids.dec = (await createTicket(t.db, w, b.customer.id, { openedAt: new Date('2026-12-01T12:00:00Z') })).id;
  });
  after(async () => t.close());

  test('bare array of every customer\'s tickets in the São Paulo days of the range, oldest first', async () => {
    const res = await mk(t.app, 'WSMKAtendimentos', { token, data_inicio: '2026-11-01', data_termino: '2026-11-30' });
    assert.ok(res.raw.startsWith('[{'), res.raw);
    assert.deepEqual(res.body.map((x: { codigo_atendimento: number }) => x.codigo_atendimento), [ids.nov1, ids.nov20]);
    const [first, second] = res.body;
    assert.deepEqual(first, {
      codigo_atendente: null,
      codigo_atendimento: ids.nov1,
      codigo_cliente: first.codigo_cliente,
      codigo_status: 'A',
      contratoid: null,
      data_abertura: '2026-11-01',
      descricao_status: 'Aberto',
      hr_abertura: '09:03:22',
      nome_atendente: null,
    });
    assert.deepEqual([second.codigo_status, second.descricao_status, second.codigo_atendente, second.nome_atendente], ['F', 'Encerrado', w.attendant, 'CAMILA ROCHA']);
  });

  test('DD/MM/YYYY accepted; data_inicio alone = from that day on; data_termino alone = up to that day', async () => {
    const from = await mk(t.app, 'WSMKAtendimentos', { token, data_inicio: '20/11/2026' });
    assert.deepEqual(from.body.map((x: { codigo_atendimento: number }) => x.codigo_atendimento), [ids.nov20, ids.dec]);
    const to = await mk(t.app, 'WSMKAtendimentos', { token, data_termino: '2026-10-31' });
    const got = to.body.map((x: { codigo_atendimento: number; contratoid: number | null }) => x.codigo_atendimento);
    assert.deepEqual(got, [ids.lateOct]);
    assert.equal(to.body[0].data_abertura, '2026-10-31');
    assert.equal(typeof to.body[0].contratoid, 'number');
  });

  test('an empty range is []; no dates → 004; reversed or invalid dates → 005', async () => {
    assert.deepEqual((await mk(t.app, 'WSMKAtendimentos', { token, data_inicio: '2025-01-01', data_termino: '2025-01-31' })).body, []);
    const none = await mk(t.app, 'WSMKAtendimentos', { token });
    assert.deepEqual(none.body, { Mensagem: 'Pelo menos um parametro deve ser informado.', 'Num. ERRO': '004', status: 'ERRO' });
    assert.equal((await mk(t.app, 'WSMKAtendimentos', { token, data_inicio: '2026-11-30', data_termino: '2026-11-01' })).body['Num. ERRO'], '005');
    assert.equal((await mk(t.app, 'WSMKAtendimentos', { token, data_inicio: '2026-02-31' })).body['Num. ERRO'], '005');
  });
});
