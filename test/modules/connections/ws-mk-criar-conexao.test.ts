import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, createStreet, type Setup } from '../../support/factories/billing.ts';
import { connectionAudit, createNetwork, type Network } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKCriarConexao', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let n = 0;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  interface Ctx {
    customerId: number;
    contract: { id: number; planId: number };
    net: Network;
  }
  async function ctx(): Promise<Ctx> {
    const c = await createCustomer(t.db, s);
    const contract = await createContract(t.db, s, c.id);
    return { customerId: c.id, contract, net: await createNetwork(t.db, s, { planIds: [contract.planId] }) };
  }
  function params(x: Ctx, extra: Record<string, string | number | undefined> = {}) {
    n += 1;
    return {
      token,
      CodigoCliente: x.customerId,
      CodigoPontoAcesso: x.net.accessPointId,
      CodigoContrato: x.contract.id,
      CodigoServidor: x.net.serverId,
      CodigoPlanoAcesso: x.contract.planId,
      CodigoTipoIP: 2,
      Tecnologia: 'F',
      AutoDesbloqueio: 'true',
      MacAddress: `AA:BB:CC:00:00:${String(n % 100).padStart(2, '0')}`,
      EnderecoCadastro: 'true',
      TipoConexao: 1,
      Password: 'segredo1',
      Username: `novo.user${n}`,
      ...extra,
    };
  }
  const create = (p: Record<string, string | number | undefined>) => mk(t.app, 'WSMKCriarConexao', p);
  const row = (id: number) => t.db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('creates a static-IP connection: defaults (PPPoE), customer address, audit row, listed with its IP', async () => {
    const x = await ctx();
    const res = await create(params(x, { CodigoTipoIP: 1, CodigoIP: x.net.ipIds[1], MacAddress: 'aa-bb-cc-dd-ee-01', TipoConexao: 2 }));
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.Mensagem, 'Conexão criada com sucesso.');
    const id = res.body.CodigoConexao;
    assert.equal(typeof id, 'number');
    const r = await row(id);
    assert.equal(r.auth_type, 'pppoe', 'TpAutenticacao default 3');
    assert.equal(r.ip_type, 'static');
    assert.equal(r.ip_address_id, x.net.ipIds[1]);
    assert.equal(r.ip_pool_id, x.net.staticPoolId);
    assert.equal(r.mac_address, 'AA:BB:CC:DD:EE:01');
    assert.equal(r.billing_type, 'courtesy');
    assert.equal(r.use_customer_address, true);
    assert.equal(r.self_unblock_allowed, true);
    assert.equal(r.technology, 'ftth');
    const audit = await connectionAudit(t.db, id);
    assert.equal(audit[0]?.action, 'connection.create');
    assert.match(String(audit[0]?.actor), /^operator:/);
    const listed = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: x.customerId });
    assert.equal(listed.body.Conexoes[0].codconexao, id);
    assert.match(listed.body.Conexoes[0].ip, /\.1\.2$/);
    assert.equal(listed.body.Conexoes[0].cep, '01310100', "the customer's address");
    const free = await mk(t.app, 'WSMKConexaoListaIP', { token, CodigoServidor: x.net.serverId, CodigoPontoAcesso: x.net.accessPointId });
    assert.ok(!free.body.IPs.some((i: { codigo: number }) => i.codigo === x.net.ipIds[1]), 'no longer free');
  });

  test('CodigoIP: required only for CodigoTipoIP=1, refused otherwise; reserved or foreign IPs refused; pools checked', async () => {
    const x = await ctx();
    const noIp = await create(params(x, { CodigoTipoIP: 1 }));
    assert.equal(noIp.body['Num. ERRO'], '006');
    assert.match(noIp.body.Mensagem, /CodigoIP/);
    const dyn = await create(params(x, { CodigoTipoIP: 2, PoolDinamico: x.net.dynamicPoolId }));
    assert.equal(dyn.body.status, 'OK');
    assert.equal((await row(dyn.body.CodigoConexao)).ip_pool_id, x.net.dynamicPoolId);
    assert.equal((await create(params(x, { CodigoTipoIP: 4 }))).body.status, 'OK', 'Pool MK without a pool code');
    assert.equal((await create(params(x, { CodigoTipoIP: 2, CodigoIP: x.net.ipIds[2] }))).body['Num. ERRO'], '005');
    assert.equal((await create(params(x, { CodigoTipoIP: 1, CodigoIP: x.net.ipIds[0] }))).body['Num. ERRO'], '005', 'reserved');
    const other = await ctx();
    assert.equal((await create(params(x, { CodigoTipoIP: 1, CodigoIP: other.net.ipIds[1] }))).body['Num. ERRO'], '005', 'another server');
    assert.equal((await create(params(x, { CodigoTipoIP: 4, PoolMKCentral: x.net.dynamicPoolId }))).body['Num. ERRO'], '005', 'wrong pool kind');
    assert.equal((await create(params(x, { CodigoTipoIP: 9 }))).body['Num. ERRO'], '005');
  });

  test('two concurrent requests for the same free IP: exactly one wins, the other gets 009', async () => {
    const x = await ctx();
    const ipId = x.net.ipIds[3];
    const results = await Promise.all([0, 1, 2, 3].map(() => create(params(x, { CodigoTipoIP: 1, CodigoIP: ipId }))));
    const ok = results.filter((r) => r.body.status === 'OK');
    assert.equal(ok.length, 1);
    for (const r of results.filter((r) => r.body.status !== 'OK')) {
      assert.equal(r.body['Num. ERRO'], '009');
      assert.equal(r.body.Mensagem, 'IP já atribuído a outra conexão.');
    }
    const holders = await t.db.selectFrom('connections').select('id').where('ip_address_id', '=', ipId as number).execute();
    assert.equal(holders.length, 1);
  });

  test('PPPoE usernames are unique (case-insensitive), also under concurrency', async () => {
    const x = await ctx();
    assert.equal((await create(params(x, { Username: 'joao.silva' }))).body.status, 'OK');
    const dup = await create(params(x, { Username: 'Joao.Silva' }));
    assert.deepEqual(dup.body, { Mensagem: 'Username já utilizado por outra conexão.', 'Num. ERRO': '009', status: 'ERRO' });
    const results = await Promise.all([0, 1, 2].map(() => create(params(x, { Username: 'corrida' }))));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 1);
    assert.ok(results.every((r) => r.body.status === 'OK' || r.body['Num. ERRO'] === '009'));
    assert.equal((await create(params(x, { Username: 'com espaço' }))).body['Num. ERRO'], '005');
  });

  test('MacAddress must be 00:00:00:00:00:00', async () => {
    const x = await ctx();
    for (const bad of ['AA:BB:CC:DD:EE', 'GG:BB:CC:DD:EE:FF', 'AABBCCDDEEFF', 'AA:BB:CC:DD:EE:FF:00']) {
      const res = await create(params(x, { MacAddress: bad }));
      assert.equal(res.body['Num. ERRO'], '005', bad);
      assert.match(res.body.Mensagem, /MacAddress/);
    }
    assert.equal((await create(params(x, { MacAddress: undefined, macAddress: '00:11:22:33:44:55' }))).body.status, 'OK', 'alias macAddress');
  });

  test('own address when EnderecoCadastro=false: codes required and checked against the street', async () => {
    const x = await ctx();
    const streetId = await createStreet(t.db);
    const street = await t.db.selectFrom('street_details').selectAll().where('street_id', '=', streetId).executeTakeFirstOrThrow();
    const own = { EnderecoCadastro: 'false', CodigoLogradouro: streetId, EnderecoNumero: '77', CEP: '86010-000' };
    const missing = await create(params(x, { EnderecoCadastro: 'false' }));
    assert.equal(missing.body['Num. ERRO'], '006');
    assert.match(missing.body.Mensagem, /CodigoLogradouro/);
    assert.match((await create(params(x, { ...own, EnderecoNumero: undefined }))).body.Mensagem, /EnderecoNumero/);
    assert.equal((await create(params(x, { ...own, CodigoBairro: Number(street.neighbourhood_id) + 1000 }))).body['Num. ERRO'], '005');
    assert.equal((await create(params(x, { ...own, CodigoCidade: Number(street.city_id) + 1000 }))).body['Num. ERRO'], '005');
    assert.equal((await create(params(x, { ...own, CodigoEstado: 1 }))).body['Num. ERRO'], '005');
    assert.equal((await create(params(x, { ...own, CodigoLogradouro: 999999 }))).body['Num. ERRO'], '005');
    const ok = await create(
      params(x, { ...own, CodigoBairro: Number(street.neighbourhood_id), CodigoCidade: Number(street.city_id), CodigoEstado: Number(street.state_id), Complemento: 'Fundos' }),
    );
    assert.equal(ok.body.status, 'OK');
    const r = await row(ok.body.CodigoConexao);
    assert.equal(r.use_customer_address, false);
    assert.equal(r.street_id, streetId);
    assert.equal(r.cep, '86010000');
    assert.equal(r.address_complement, 'Fundos');
  });

  test('TpAutenticacao picks the method (2 = Hotspot); out of range refused', async () => {
    const x = await ctx();
    const res = await create(params(x, { TpAutenticacao: 2, Tecnologia: 'W', AutoDesbloqueio: 'false' }));
    const r = await row(res.body.CodigoConexao);
    assert.equal(r.auth_type, 'hotspot');
    assert.equal(r.technology, 'wireless');
    assert.equal(r.self_unblock_allowed, false);
    assert.equal((await create(params(x, { TpAutenticacao: 9 }))).body['Num. ERRO'], '005');
  });

  test('every code is checked: customer, contract of the customer, server, access point, plan on the server, lead', async () => {
    const x = await ctx();
    const y = await ctx();
    const expect005 = async (extra: Record<string, string | number>, name: string) => {
      const res = await create(params(x, extra));
      assert.equal(res.body['Num. ERRO'], '005', name);
      assert.match(res.body.Mensagem, new RegExp(name));
    };
    await expect005({ CodigoCliente: 999999 }, 'CodigoCliente');
    await expect005({ CodigoContrato: y.contract.id }, 'CodigoContrato');
    await expect005({ CodigoServidor: 999999 }, 'CodigoServidor');
    await expect005({ CodigoPontoAcesso: y.net.accessPointId }, 'CodigoPontoAcesso');
    await expect005({ CodigoPlanoAcesso: y.contract.planId }, 'CodigoPlanoAcesso');
    await expect005({ CodigoLead: 999999 }, 'CodigoLead');
    await expect005({ dataConnection: 'naoexiste' }, 'dataConnection');
    const missing = await create(params(x, { Password: undefined }));
    assert.equal(missing.body['Num. ERRO'], '006');
    const count = await t.db.selectFrom('connections').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', x.customerId).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'refusals write nothing');
  });

  test('a cancelled contract takes no new connection (008)', async () => {
    const c = await createCustomer(t.db, s);
    const contract = await createContract(t.db, s, c.id, { status: 'cancelled' });
    const net = await createNetwork(t.db, s, { planIds: [contract.planId] });
    const res = await create(params({ customerId: c.id, contract, net }));
    assert.equal(res.body['Num. ERRO'], '008');
  });

  test("a plan of a CRM product is accepted only when it is the product of the contract's lead", async () => {
    const x = await ctx();
    const plan = await t.db
      .insertInto('access_plans')
      .values({ company_id: s.companyId, plan_type_id: 8, name: `IPTV COMBO ${x.contract.id}`, price_cents: 3000 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const product = await t.db.insertInto('crm_products').values({ company_id: s.companyId, name: `COMBO ${x.contract.id}`, price_cents: 15000 }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('crm_product_plans').values({ crm_product_id: product.id, access_plan_id: plan.id }).execute();
    assert.equal((await create(params(x, { CodigoPlanoAcesso: plan.id }))).body['Num. ERRO'], '005', 'no lead on the contract');
    const lead = await t.db.insertInto('leads').values({ company_id: s.companyId, customer_id: x.customerId, crm_product_id: product.id }).returning('id').executeTakeFirstOrThrow();
    await t.db.updateTable('contracts').set({ lead_id: lead.id }).where('id', '=', x.contract.id).execute();
    const ok = await create(params(x, { CodigoPlanoAcesso: plan.id, CodigoLead: lead.id }));
    assert.equal(ok.body.status, 'OK');
    assert.equal((await row(ok.body.CodigoConexao)).lead_id, lead.id);
  });
});
