import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCondominium, createNeighbourhood, createPlace, createStreet } from '../../support/factories/customers.ts';
import { createServiceWorld, createSubscriber, createTicket, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

const OS_NUMBER = /^OS (\d+) criada com sucesso\.$/;

describe('WSMKCriarOrdemServico', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  let s: Awaited<ReturnType<typeof createSubscriber>>;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
    s = await createSubscriber(t.db, w);
  });
  after(async () => t.close());

  const create = (params: Record<string, string | number | undefined>) =>
    mk(t.app, 'WSMKCriarOrdemServico', {
      token,
      CodigoCliente: s.customer.id,
      CodigoConexao: s.connections[0],
      CodigoTipoOS: w.maintenanceType,
      CodigoGrupoServico: w.group,
      CodigoTecnico: w.technician,
      DescricaoProblema: 'Sem sinal na ONU',
      ...params,
    });
  const osOf = (res: { body: { mensagem: string } }) => Number(OS_NUMBER.exec(res.body.mensagem)?.[1]);
  const order = (id: number) => t.db.selectFrom('service_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const orderCount = async () => Number((await t.db.selectFrom('service_orders').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('creates the OS: only {"mensagem","status"}, the number inside the message; Indicacoes, ticket, contract, team stored', async () => {
    const ticket = await createTicket(t.db, w, s.customer.id);
    const res = await create({ CodigoAtendimento: ticket.id, Indicacoes: 'Levar ONU reserva', categoria: 1 });
    assert.equal(res.raw, `{"mensagem":"${res.body.mensagem}","status":"OK"}`);
    assert.match(res.body.mensagem, OS_NUMBER);
    const row = await order(osOf(res));
    assert.deepEqual(
      [row.customer_id, row.connection_id, row.contract_id, row.ticket_id, row.indications, row.team_id, row.category, row.status, row.company_id, row.street_id],
      [s.customer.id, s.connections[0], s.contract.id, ticket.id, 'Levar ONU reserva', w.team, 'customer', 'open', w.company.id, null],
    );
    assert.equal(row.reported_problem, 'Sem sinal na ONU');
    assert.ok(row.opened_by_operator_id);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'service_order').where('entity_id', '=', String(row.id)).execute();
    assert.deepEqual(audit, [{ action: 'create' }]);
  });

  test('codes are checked against their list endpoints (unknown or inactive): "CodigoTecnico não encontrado." and siblings', async () => {
    const before = await orderCount();
    const cases: Array<[Record<string, number>, string]> = [
      [{ CodigoTecnico: 999_999 }, 'CodigoTecnico não encontrado.'],
      [{ CodigoTecnico: w.inactiveTechnician }, 'CodigoTecnico não encontrado.'],
      [{ CodigoTipoOS: 999_999 }, 'CodigoTipoOS não encontrado.'],
      [{ CodigoTipoOS: w.inactiveType }, 'CodigoTipoOS não encontrado.'],
      [{ CodigoGrupoServico: w.inactiveGroup }, 'CodigoGrupoServico não encontrado.'],
      [{ CodigoCliente: 999_999 }, 'CodigoCliente não encontrado.'],
      [{ CodigoConexao: 999_999 }, 'CodigoConexao não encontrado.'],
      [{ CodigoAtendimento: 999_999 }, 'CodigoAtendimento não encontrado.'],
    ];
    for (const [params, message] of cases) {
      const res = await create(params);
      assert.deepEqual(res.body, { mensagem: message, status: 'ERRO' }, JSON.stringify(params));
      assert.equal(res.http, 200);
    }
    assert.equal(await orderCount(), before);
  });

  test('missing CodigoConexao is a clear MK error (HTTP 200, names the parameter), never a 5xx', async () => {
    const res = await create({ CodigoConexao: undefined });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, { mensagem: 'Parâmetro obrigatório não informado: CodigoConexao.', status: 'ERRO' });
  });

  test('ownership: connection, contract and linked ticket must be the customer\'s', async () => {
    const other = await createSubscriber(t.db, w);
    const otherTicket = await createTicket(t.db, w, other.customer.id);
    assert.match((await create({ CodigoConexao: other.connections[0] })).body.mensagem, /CodigoConexao \(conexão de outro cliente\)/);
    assert.match((await create({ CodigoContrato: other.contract.id })).body.mensagem, /CodigoContrato \(contrato de outro cliente\)/);
    assert.match((await create({ CodigoAtendimento: otherTicket.id })).body.mensagem, /CodigoAtendimento \(atendimento de outro cliente\)/);
  });

  test('condominio fills the whole address (street, number, CEP)', async () => {
    const condo = await createCondominium(t.db, w.place.streetId, { number: '455', cep: '86200555' });
    const row = await order(osOf(await create({ condominio: condo.id, complemento: 'Bloco B ap 12' })));
    assert.deepEqual(
      [row.condominium_id, row.street_id, row.address_number, row.cep, row.address_complement],
      [condo.id, w.place.streetId, '455', '86200555', 'Bloco B ap 12'],
    );
    assert.equal((await create({ condominio: 999_999 })).body.mensagem, 'condominio não encontrado.');
  });

  test('cidade requires bairro, logradouro and numero, consistent with each other', async () => {
    const p = await createPlace(t.db);
    const full = { cidade: p.cityId, bairro: p.neighbourhoodId, logradouro: p.streetId, numero: '77' };
    for (const missing of ['bairro', 'logradouro', 'numero'] as const) {
      const res = await create({ ...full, [missing]: undefined });
      assert.equal(res.body.status, 'ERRO');
      assert.match(res.body.mensagem, new RegExp(`não informado: ${missing} \\(cidade informada\\)`));
    }
    const elsewhere = await createNeighbourhood(t.db, w.place.cityId);
    assert.match((await create({ ...full, bairro: elsewhere.id })).body.mensagem, /bairro não pertence à cidade/);
    const otherStreet = await createStreet(t.db, elsewhere.id);
    assert.match((await create({ ...full, logradouro: otherStreet.id })).body.mensagem, /logradouro não pertence ao bairro/);
    const row = await order(osOf(await create(full)));
    assert.deepEqual([row.street_id, row.address_number, row.cep], [p.streetId, '77', '86200000']);
  });

  test('dataConnection names the company; categoria 2 = network; unknown values refused', async () => {
    const company = await t.db.selectFrom('companies').select('short_name').where('id', '=', w.company.id).executeTakeFirstOrThrow();
    const row = await order(osOf(await create({ dataConnection: company.short_name, categoria: 2 })));
    assert.deepEqual([row.company_id, row.category], [w.company.id, 'network']);
    assert.equal((await create({ dataConnection: 'nao-existe' })).body.mensagem, 'dataConnection não encontrado.');
    assert.match((await create({ categoria: 7 })).body.mensagem, /categoria/);
  });
});
