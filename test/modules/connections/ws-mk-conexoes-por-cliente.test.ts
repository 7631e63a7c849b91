import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { addConnection, createNetwork, type Network } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

const ITEM_KEYS = [
  'bloqueada', 'cadastro', 'cep', 'codconexao', 'contrato', 'endereco', 'esta_reduzida', 'ip', 'latitude', 'longitude',
  'mac_address', 'motivo_bloqueio', 'plano_acesso', 'tecnologia', 'username',
];

describe('WSMKConexoesPorCliente', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let net: Network;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db, { services: [9] });
    s = await createBillingSetup(t.db);
    net = await createNetwork(t.db, s);
  });
  after(async () => t.close());

  test('lists the connections with the confirmed keys, types and formats', async () => {
    const c = await createCustomer(t.db, s, { name: 'FULANO DE TAL' });
    const k = await createContract(t.db, s, c.id);
    const ipId = net.ipIds[1] as number;
    const open = await addConnection(t.db, net, c.id, k, {
      ipAddressId: ipId, mac: 'AA:BB:CC:DD:EE:FF', username: 'fulano', createdAt: new Date('2026-03-05T02:00:00Z'),
    });
    const blocked = await addConnection(t.db, net, c.id, k, { blocked: 'non_payment', reduced: true });
    const res = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: c.id });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(Object.keys(res.body), ['CodigoPessoa', 'Conexoes', 'Nome', 'status']);
    assert.equal(res.body.CodigoPessoa, c.id);
    assert.equal(res.body.Nome, 'FULANO DE TAL');
    const [a, b] = res.body.Conexoes;
    assert.deepEqual(Object.keys(a), ITEM_KEYS);
    assert.equal(a.codconexao, open);
    assert.equal(a.contrato, k.id);
    assert.equal(a.bloqueada, 'Não');
    assert.equal(a.esta_reduzida, 'Não');
    assert.equal(a.motivo_bloqueio, null);
    assert.equal(a.cadastro, '04/03/2026', 'DD/MM/YYYY in São Paulo time');
    assert.equal(a.mac_address, 'AA:BB:CC:DD:EE:FF');
    assert.equal(a.username, 'fulano');
    assert.equal(a.cep, '01310100');
    assert.match(a.endereco, /^Rua das Flores \d+, \d+ - Centro \d+, Cidade Billing \d+$/);
    assert.equal(a.latitude, '-23.31');
    assert.equal(a.tecnologia, 'FTTH');
    assert.match(a.ip, /^100\.\d+\.1\.2$/);
    assert.match(a.plano_acesso, /^FIBRA \d+$/);
    assert.equal(b.codconexao, blocked);
    assert.equal(b.bloqueada, 'Sim');
    assert.equal(b.esta_reduzida, 'Sim');
    assert.equal(b.motivo_bloqueio, 'Falta Pagamento');
  });

  test('the IP of a dynamic connection is the framed IP of its latest session', async () => {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id);
    const id = await addConnection(t.db, net, c.id, k);
    await t.db
      .insertInto('connection_sessions')
      .values([
        { connection_id: id, username: 'x', framed_ip: '100.64.0.9', started_at: new Date('2026-11-01T00:00:00Z'), stopped_at: new Date('2026-11-02T00:00:00Z') },
        { connection_id: id, username: 'x', framed_ip: '100.64.0.10', started_at: new Date('2026-11-20T00:00:00Z') },
      ])
      .execute();
    const res = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: c.id });
    assert.equal(res.body.Conexoes[0].ip, '100.64.0.10');
  });

  test('connections of cancelled contracts (disabled) are left out; none → empty list', async () => {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id);
    const id = await addConnection(t.db, net, c.id, k);
    await t.db.updateTable('connections').set({ disabled_at: new Date() }).where('id', '=', id).execute();
    const res = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: c.id });
    assert.deepEqual(res.body.Conexoes, []);
    assert.equal(res.body.status, 'OK');
  });

  test('unknown customer: 3-key 003; missing / garbage cd_cliente: 006 / 005', async () => {
    const res = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: 999999 });
    assert.deepEqual(res.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
    assert.equal((await mk(t.app, 'WSMKConexoesPorCliente', { token })).body['Num. ERRO'], '006');
    const bad = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: 'abc' });
    assert.equal(bad.body['Num. ERRO'], '005');
    assert.match(bad.body.Mensagem, /cd_cliente/);
  });

  test('POST with a form body works like GET', async () => {
    const c = await createCustomer(t.db, s);
    const res = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: c.id }, { method: 'POST' });
    assert.equal(res.body.status, 'OK');
  });
});
