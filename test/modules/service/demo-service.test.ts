import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../../src/db/seed/index.ts';
import { formatDateBr, todayInSaoPaulo } from '../../../src/lib/dates.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, TEST_SECRET, type TestApp } from '../../support/build-test-app.ts';
import { serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('demo data of the service domain', () => {
  let t: TestApp;
  let token: string;
  const now = new Date('2026-11-24T15:00:00Z');
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    // The whole demo seed, in the order `provedor seed --demo` runs it.
    await seedDemo(t.db, { customers: 30, seed: 3, now, secretKey: TEST_SECRET });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('lookups hold Brazilian spellings: SUPORTE TÉCNICO, SEM CONEXÃO, INSTALAÇÃO, MANUTENÇÃO', async () => {
    const processes = await mk(t.app, 'WSMKListaProcessos', { token });
    assert.ok(processes.body.processos.some((p: { nome_processo: string }) => p.nome_processo === 'SUPORTE TÉCNICO'));
    const classes = await mk(t.app, 'WSMKListaClassificacoesAte', { token });
    assert.ok(classes.body.ClassificacoesAtendimento.some((c: { descricao: string; encerramento: string }) => c.descricao === 'SEM CONEXÃO' && c.encerramento === 'Não'));
    const types = (await mk(t.app, 'WSMKOSListaTiposOS', { token })).body.Tipos.map((x: { descricao: string }) => x.descricao);
    assert.ok(types.includes('INSTALAÇÃO') && types.includes('MANUTENÇÃO'), types.join());
  });

  test('the documented customer (CPF 52998224725) has one open ticket and one scheduled OS linked to it', async () => {
    const doc = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725' });
    const id = doc.body.CodigoPessoa;
    const open = await t.db.selectFrom('tickets').select(['id', 'protocol']).where('customer_id', '=', id).where('status', '<>', 'closed').execute();
    assert.equal(open.length, 1);
    const orders = await t.db.selectFrom('service_orders').select(['id', 'ticket_id', 'opened_at']).where('customer_id', '=', id).where('status', 'not in', ['closed', 'cancelled']).execute();
    assert.equal(orders.length, 1);
    assert.equal(orders[0]?.ticket_id, open[0]?.id);
    const day = formatDateBr(todayInSaoPaulo(orders[0]?.opened_at as Date));
    const agenda = await mk(t.app, 'WSMKConsultaOrdemAgendamento', { token, cliente: id, DataAbertura: day });
    const item = agenda.body['Agendas:'].find((a: { codos: number }) => a.codos === orders[0]?.id);
    assert.equal(item.Protocolo, open[0]?.protocol);
    assert.equal(item.status, 2);
    assert.notEqual(item.Data_agendamento, '');
  });
});
