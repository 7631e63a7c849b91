// "These lists feed the codes that writes accept" for the contract and connection writes: every
// code is taken from a list endpoint's answer and used in WSMKNovoContrato / WSMKCriarConexao,
// and a code the list leaves out (inactive, another company, not a leaf, wrong type) is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { createNetwork } from '../../support/factories/connections.ts';
import { createLookups, type Lookups, novoContratoParams } from '../../support/factories/contracts.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';
import { createPlan, createProduct } from './fixtures.ts';

type Params = Record<string, string | number | undefined>;
interface Item {
  codigo: number;
  cd_empresa?: number;
  tipo?: string;
  codigo_forma_pagamento?: number;
}

describe('list endpoints feed the codes that WSMKNovoContrato and WSMKCriarConexao accept', () => {
  let t: TestApp;
  let token: string;
  let l: Lookups;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
    l = await createLookups(t.db);
    await t.db.insertInto('sla_tables').values({ name: 'SLA feed', response_hours: 24, resolution_hours: 72 }).execute();
  });
  after(async () => t.close());

  const list = async (endpoint: string, key: string, params: Params = {}): Promise<Item[]> => {
    const res = await mk(t.app, endpoint, { token, ...params });
    assert.equal(res.body.status, 'OK', endpoint);
    return res.body[key];
  };
  // An active SLA table exists, so NovoContrato requires CodigoSLA: take it from the list too.
  const slaCode = async () => (await list('WSMKListaTabelaSLA', 'TabelasSLA'))[0]!.codigo;
  const newContract = async (over: Params) => {
    const c = await l.newCustomer();
    const res = await mk(t.app, 'WSMKNovoContrato', { token, ...novoContratoParams(l, c.id), CodigoSLA: await slaCode(), ...over });
    return { res, customerId: c.id };
  };
  const accepted = async (over: Params, what: string) => {
    const { res, customerId } = await newContract(over);
    assert.equal(res.body.status, 'OK', `${what}: ${JSON.stringify(res.body)}`);
    const row = await t.db.selectFrom('contracts').selectAll().where('id', '=', res.body.CodigoContrato).executeTakeFirstOrThrow();
    assert.equal(row.customer_id, customerId);
    return row;
  };
  const refused = async (over: Params, param: string) => {
    const { res, customerId } = await newContract(over);
    assert.ok(isMkErrorBody(res.body, '005'), `${param}=${JSON.stringify(over)}: ${JSON.stringify(res.body)}`);
    assert.match(res.body.Mensagem, new RegExp(param));
    const rows = await t.db.selectFrom('contracts').select('id').where('customer_id', '=', customerId).execute();
    assert.equal(rows.length, 0);
  };

  test('1. WSMKListaPlanoAcesso(TipoPlano).codplano → NovoContrato.CodigoPlanoAcesso with the same CodigoTipoPlano', async () => {
    for (const tipo of [1, 8]) {
      const plans = (await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: tipo })).body.PlanosAcesso as Array<{ codplano: number; cd_empresa: number }>;
      const ours = plans.filter((p) => p.cd_empresa === l.companyId);
      assert.equal(ours.length, 1, `TipoPlano ${tipo}`);
      for (const p of ours) {
        const row = await accepted({ CodigoTipoPlano: tipo, CodigoPlanoAcesso: p.codplano }, `plano ${p.codplano}`);
        assert.deepEqual([row.plan_type_id, row.access_plan_id], [tipo, p.codplano]);
      }
      const codes = plans.map((p) => p.codplano);
      assert.ok(!codes.includes(l.inactivePlanId));
    }
    // Not listed for this customer's company (inactive; another company's); listed under another type.
    const internet = (await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 1 })).body.PlanosAcesso as Array<{ codplano: number; cd_empresa: number }>;
    const foreignPlan = internet.find((p) => p.codplano === l.otherCompanyPlanId);
    assert.ok(foreignPlan && foreignPlan.cd_empresa !== l.companyId, 'listed under its own company');
    await refused({ CodigoPlanoAcesso: l.inactivePlanId }, 'CodigoPlanoAcesso');
    await refused({ CodigoPlanoAcesso: l.otherCompanyPlanId }, 'CodigoPlanoAcesso');
    await refused({ CodigoTipoPlano: 8, CodigoPlanoAcesso: l.planId }, 'CodigoPlanoAcesso');
  });

  test('2. WSMKConsultaPlanos (ativo=S, products).codproduto → NovoContrato.CodigoPlanoAcesso with CodigoTipoPlano=12', async () => {
    const retired = await createProduct(t.db, l.companyId, [l.planId], { active: false });
    const products = (await mk(t.app, 'WSMKConsultaPlanos', { token, ativo: 'S' })).body.Produtos as Array<{ codproduto: number; cd_empresa: number }>;
    const ours = products.filter((p) => p.cd_empresa === l.companyId);
    assert.deepEqual(ours.map((p) => p.codproduto), [l.crmProductId]);
    const row = await accepted({ CodigoTipoPlano: 12, CodigoPlanoAcesso: ours[0]!.codproduto }, 'produto');
    assert.deepEqual([row.crm_product_id, row.access_plan_id], [l.crmProductId, null]);
    assert.ok(!products.some((p) => p.codproduto === retired.id));
    await refused({ CodigoTipoPlano: 12, CodigoPlanoAcesso: retired.id }, 'CodigoPlanoAcesso');
    const foreign = await createProduct(t.db, (await createBillingSetup(t.db)).companyId, []);
    const relisted = (await mk(t.app, 'WSMKConsultaPlanos', { token, ativo: 'S' })).body.Produtos as Array<{ codproduto: number; cd_empresa: number }>;
    assert.notEqual(relisted.find((p) => p.codproduto === foreign.id)?.cd_empresa, l.companyId, 'listed under its own company');
    await refused({ CodigoTipoPlano: 12, CodigoPlanoAcesso: foreign.id }, 'CodigoPlanoAcesso');
  });

  test('4–6. ListaRegraVencimento / ListaTabelaSLA / ListaRegraBloqueio codes → their NovoContrato parameters', async () => {
    const pairs: Array<[string, string, string, 'due_date_rule_id' | 'sla_table_id' | 'blocking_rule_id', number]> = [
      ['WSMKListaRegraVencimento', 'RegrasVencimento', 'CodigoRegraVencimento', 'due_date_rule_id', l.inactiveDueRuleId],
      ['WSMKListaTabelaSLA', 'TabelasSLA', 'CodigoSLA', 'sla_table_id', 0],
      ['WSMKListaRegraBloqueio', 'RegrasBloqueio', 'CodigoRegraBloqueio', 'blocking_rule_id', l.inactiveBlockingRuleId],
    ];
    const inactiveSla = await t.db.insertInto('sla_tables').values({ name: 'SLA antiga', response_hours: 48, resolution_hours: 96, active: false }).returning('id').executeTakeFirstOrThrow();
    pairs[1]![4] = inactiveSla.id;
    for (const [endpoint, key, param, column, hidden] of pairs) {
      const items = await list(endpoint, key);
      assert.ok(items.length > 0, endpoint);
      for (const item of items) {
        const row = await accepted({ [param]: item.codigo }, `${endpoint} ${item.codigo}`);
        assert.equal(row[column], item.codigo);
      }
      assert.ok(!items.some((i) => i.codigo === hidden), `${endpoint} hides ${hidden}`);
      await refused({ [param]: hidden }, param);
    }
  });

  test('7. WSMKListaDesconto → CodigoDescontoAplicado (tipo ≠ Inatividade) and DescontoInatividade (tipo Inatividade)', async () => {
    const items = await list('WSMKListaDesconto', 'Descontos');
    const inactivity = items.filter((d) => d.tipo === 'Inatividade');
    const applied = items.filter((d) => d.tipo !== 'Inatividade');
    assert.ok(inactivity.length > 0 && applied.length > 0);
    for (const d of applied) assert.equal((await accepted({ CodigoDescontoAplicado: d.codigo }, `desconto ${d.codigo}`)).discount_id, d.codigo);
    for (const d of inactivity) assert.equal((await accepted({ DescontoInatividade: d.codigo }, `inatividade ${d.codigo}`)).inactivity_discount_id, d.codigo);
    assert.ok(!items.some((d) => d.codigo === l.inactivePromoDiscountId));
    await refused({ CodigoDescontoAplicado: l.inactivePromoDiscountId }, 'CodigoDescontoAplicado');
    await refused({ DescontoInatividade: applied[0]!.codigo }, 'DescontoInatividade');
    await refused({ CodigoDescontoAplicado: inactivity[0]!.codigo }, 'CodigoDescontoAplicado');
  });

  test('8. WSMKListaProfilePagamento.codigo → CodigoProfilePagamento, its codigo_forma_pagamento → CodigoFormaPagamento', async () => {
    const items = await list('WSMKListaProfilePagamento', 'ProfilesPagamento');
    const ours = items.filter((p) => p.cd_empresa === l.companyId);
    assert.deepEqual(ours.map((p) => p.codigo).sort((a, b) => a - b), [l.boletoProfileId, l.pixProfileId]);
    for (const p of ours) {
      const row = await accepted({ CodigoProfilePagamento: p.codigo, CodigoFormaPagamento: p.codigo_forma_pagamento }, `profile ${p.codigo}`);
      assert.deepEqual([row.payment_profile_id, row.payment_method_id], [p.codigo, p.codigo_forma_pagamento]);
    }
    assert.ok(!items.some((p) => p.codigo === l.inactiveProfileId));
    await refused({ CodigoProfilePagamento: l.inactiveProfileId }, 'CodigoProfilePagamento');
    const foreign = items.find((p) => p.cd_empresa !== l.companyId)!;
    await refused({ CodigoProfilePagamento: foreign.codigo, CodigoFormaPagamento: foreign.codigo_forma_pagamento }, 'CodigoProfilePagamento');
  });

  test('9. WSMKPlanoContas.codigo → CodigoPlanoContas; non-leaf, expense and inactive accounts are neither listed nor accepted', async () => {
    const items = await list('WSMKPlanoContas', 'PlanoContas');
    assert.ok(items.some((a) => a.codigo === l.chartLeafId));
    for (const a of items) assert.equal((await accepted({ CodigoPlanoContas: a.codigo }, `conta ${a.codigo}`)).chart_account_id, a.codigo);
    for (const hidden of [l.chartParentId, l.chartWithChildId, l.chartExpenseId, l.chartInactiveId]) {
      assert.ok(!items.some((a) => a.codigo === hidden), `PlanoContas hides ${hidden}`);
      await refused({ CodigoPlanoContas: hidden }, 'CodigoPlanoContas');
    }
  });

  describe('WSMKCriarConexao', () => {
    let s: Setup;
    let n = 0;
    before(async () => {
      s = await createBillingSetup(t.db);
    });
    const ctx = async () => {
      const c = await createCustomer(t.db, s);
      const contract = await createContract(t.db, s, c.id);
      return { customerId: c.id, contract, net: await createNetwork(t.db, s, { planIds: [contract.planId] }) };
    };
    const connect = (x: Awaited<ReturnType<typeof ctx>>, over: Params) => {
      n += 1;
      return mk(t.app, 'WSMKCriarConexao', {
        token,
        CodigoCliente: x.customerId,
        CodigoContrato: x.contract.id,
        CodigoTipoIP: 2,
        Tecnologia: 'F',
        AutoDesbloqueio: 'true',
        TipoConexao: 1,
        MacAddress: `AA:BB:CF:00:00:${String(n % 100).padStart(2, '0')}`,
        EnderecoCadastro: 'true',
        Password: 'segredo1',
        Username: `feed.user${n}`,
        ...over,
      });
    };

    test('3 + lookups: ServidorConcentrador → CodigoServidor, PontoAcesso → CodigoPontoAcesso, ConexaoPlanoAcesso / ListaPlanoAcesso(1) → CodigoPlanoAcesso, ListaIP → CodigoIP', async () => {
      const x = await ctx();
      const dataConnection = (await t.db.selectFrom('companies').select('short_name').where('id', '=', s.companyId).executeTakeFirstOrThrow()).short_name;
      const servers = await list('WSMKConexaoServidorConcentrador', 'Servidores', { dataConnection });
      const server = servers.find((v) => v.codigo === x.net.serverId)!;
      assert.ok(server);
      const points = await list('WSMKConexaoPontoAcesso', 'PontosAcesso', { dataConnection });
      const point = points.find((p) => p.codigo === x.net.accessPointId)!;
      assert.ok(point);
      const served = await list('WSMKConexaoPlanoAcesso', 'Planos', { CodigoServidor: server.codigo });
      const internet = (await mk(t.app, 'WSMKListaPlanoAcesso', { token, TipoPlano: 1 })).body.PlanosAcesso as Array<{ codplano: number }>;
      const plan = internet.find((p) => served.some((v) => v.codigo === p.codplano))!;
      assert.equal(plan.codplano, x.contract.planId);
      const ips = await list('WSMKConexaoListaIP', 'IPs', { CodigoServidor: server.codigo, CodigoPontoAcesso: point.codigo });
      assert.equal(ips.length, 3, 'the reserved address is not listed');
      const base = { CodigoServidor: server.codigo, CodigoPontoAcesso: point.codigo, CodigoPlanoAcesso: plan.codplano };
      for (const ip of ips) {
        const res = await connect(x, { ...base, CodigoTipoIP: 1, CodigoIP: ip.codigo });
        assert.equal(res.body.status, 'OK', JSON.stringify(res.body));
        const row = await t.db.selectFrom('connections').selectAll().where('id', '=', res.body.CodigoConexao).executeTakeFirstOrThrow();
        assert.deepEqual([row.server_id, row.access_point_id, row.access_plan_id, row.ip_address_id], [server.codigo, point.codigo, plan.codplano, ip.codigo]);
      }
      // Once taken, an address leaves the list; the reserved one was never there: both refused.
      assert.deepEqual(await list('WSMKConexaoListaIP', 'IPs', { CodigoServidor: server.codigo, CodigoPontoAcesso: point.codigo }), []);
      const reserved = await connect(x, { ...base, CodigoTipoIP: 1, CodigoIP: x.net.ipIds[0] });
      assert.ok(isMkErrorBody(reserved.body, '005'));
      assert.match(reserved.body.Mensagem, /CodigoIP/);
    });

    test('what the connection lists leave out the write refuses with 005: inactive plan, TV plan on the server, other company server/point', async () => {
      const x = await ctx();
      const tv = await createPlan(t.db, s.companyId, { typeId: 11, name: 'TV FEED CONEXAO' });
      const retired = await createPlan(t.db, s.companyId, { name: 'FIBRA FEED RETIRADA', active: false });
      await t.db.insertInto('server_access_plans').values([{ server_id: x.net.serverId, access_plan_id: tv.id }, { server_id: x.net.serverId, access_plan_id: retired.id }]).execute();
      const served = await list('WSMKConexaoPlanoAcesso', 'Planos', { CodigoServidor: x.net.serverId });
      assert.deepEqual(served.map((p) => p.codigo), [x.contract.planId], 'only the active internet plan');
      const base = { CodigoServidor: x.net.serverId, CodigoPontoAcesso: x.net.accessPointId };
      for (const planId of [tv.id, retired.id]) {
        const res = await connect(x, { ...base, CodigoPlanoAcesso: planId });
        assert.ok(isMkErrorBody(res.body, '005'), `plano ${planId}`);
        assert.match(res.body.Mensagem, /CodigoPlanoAcesso/);
      }
      const other = await createBillingSetup(t.db);
      const foreignNet = await createNetwork(t.db, other, { planIds: [x.contract.planId] });
      const dataConnection = (await t.db.selectFrom('companies').select('short_name').where('id', '=', s.companyId).executeTakeFirstOrThrow()).short_name;
      assert.ok(!(await list('WSMKConexaoServidorConcentrador', 'Servidores', { dataConnection })).some((v) => v.codigo === foreignNet.serverId));
      assert.ok(!(await list('WSMKConexaoPontoAcesso', 'PontosAcesso', { dataConnection })).some((p) => p.codigo === foreignNet.accessPointId));
      const foreignServer = await connect(x, { CodigoServidor: foreignNet.serverId, CodigoPontoAcesso: foreignNet.accessPointId, CodigoPlanoAcesso: x.contract.planId });
      assert.ok(isMkErrorBody(foreignServer.body, '005'));
      assert.match(foreignServer.body.Mensagem, /CodigoServidor/);
      const foreignPoint = await connect(x, { ...base, CodigoPontoAcesso: foreignNet.accessPointId, CodigoPlanoAcesso: x.contract.planId });
      assert.ok(isMkErrorBody(foreignPoint.body, '005'), JSON.stringify(foreignPoint.body));
      assert.match(foreignPoint.body.Mensagem, /CodigoPontoAcesso/);
      // A point tied to no server is listed only under its own company, so the write refuses it elsewhere.
      const loose = await t.db
        .insertInto('access_points')
        .values({ company_id: other.companyId, server_id: null, name: 'TORRE SOLTA FEED', kind: 'radio', technology: 'wireless' })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.ok(!(await list('WSMKConexaoPontoAcesso', 'PontosAcesso', { dataConnection })).some((p) => p.codigo === loose.id));
      const loosePoint = await connect(x, { ...base, CodigoPontoAcesso: loose.id, CodigoPlanoAcesso: x.contract.planId });
      assert.ok(isMkErrorBody(loosePoint.body, '005'), JSON.stringify(loosePoint.body));
      assert.match(loosePoint.body.Mensagem, /CodigoPontoAcesso/);
    });
  });
});
