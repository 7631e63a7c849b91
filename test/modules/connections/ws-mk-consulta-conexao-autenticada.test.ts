import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { addConnection, createNetwork, type Network } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

const KEYS = ['down', 'dt_hr_parada', 'dt_hr_retorno', 'framedip', 'nas', 'tempo', 'up', 'username'];

describe('WSMKConsultaConexaoAutenticada', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let net: Network;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    net = await createNetwork(t.db, s);
  });
  after(async () => t.close());

  async function connection() {
    const c = await createCustomer(t.db, s);
    return addConnection(t.db, net, c.id, await createContract(t.db, s, c.id), { username: `sess${c.id}` });
  }

  test('an open session: both confirmed shapes (conexao and Agendas) with the same item, null stop/return', async () => {
    const id = await connection();
    const start = new Date(t.clock.now().getTime() - (26 * 3600 + 5 * 60 + 7) * 1000);
    await t.db
      .insertInto('connection_sessions')
      .values([
        { connection_id: id, username: 'old', framed_ip: '100.64.0.1', started_at: new Date('2026-10-01T00:00:00Z'), stopped_at: new Date('2026-10-02T00:00:00Z') },
        { connection_id: id, server_id: net.serverId, username: `sess-open`, framed_ip: '100.64.1.20', started_at: start, input_bytes: 1234, output_bytes: 98765 },
      ])
      .execute();
    const res = await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: id });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(Object.keys(res.body), ['Agendas', 'conexao', 'status']);
    const c = res.body.conexao;
    assert.deepEqual(Object.keys(c), KEYS);
    assert.deepEqual(res.body.Agendas, [c]);
    assert.equal(c.username, 'sess-open');
    assert.equal(c.framedip, '100.64.1.20');
    assert.match(c.nas, /^10\.\d+\.0\.1$/);
    assert.equal(c.tempo, '26:05:07');
    assert.equal(c.down, '98765');
    assert.equal(c.up, '1234');
    assert.equal(c.dt_hr_parada, null);
    assert.equal(c.dt_hr_retorno, null);
  });

  test('a closed last session gives its stop time as DD/MM/YYYY HH:MM:SS (São Paulo)', async () => {
    const id = await connection();
    await t.db
      .insertInto('connection_sessions')
      .values({ connection_id: id, username: 'x', framed_ip: null, started_at: new Date('2026-11-20T10:00:00Z'), stopped_at: new Date('2026-11-20T13:30:00Z') })
      .execute();
    const c = (await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: id })).body.conexao;
    assert.equal(c.dt_hr_parada, '20/11/2026 10:30:00');
    assert.equal(c.tempo, '03:30:00');
    assert.equal(c.framedip, '');
  });

  test('a RADIUS accounting session (radacct, login in another case) newer than our own wins; an older one does not', async () => {
    const id = await connection();
    const c = await t.db.selectFrom('connections').select('username').where('id', '=', id).executeTakeFirstOrThrow();
    await t.db
      .insertInto('connection_sessions')
      .values({ connection_id: id, username: 'own', framed_ip: '100.64.2.2', started_at: new Date('2026-11-20T10:00:00Z'), stopped_at: new Date('2026-11-20T11:00:00Z') })
      .execute();
    const radacct = (uid: string, startedAt: string, stoppedAt: string | null) =>
      t.db
        .insertInto('radacct')
        .values({
          acctsessionid: uid, acctuniqueid: uid, username: c.username.toUpperCase(), nasipaddress: '192.0.2.7',
          acctstarttime: new Date(startedAt), acctstoptime: stoppedAt ? new Date(stoppedAt) : null,
          framedipaddress: '100.64.9.9', acctinputoctets: 5_000_000_000, acctoutputoctets: 42,
        })
        .execute();
    await radacct(`old-${id}`, '2026-11-19T10:00:00Z', '2026-11-19T12:00:00Z');
    let item = (await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: id })).body.conexao;
    assert.equal(item.username, 'own', 'the older radacct session loses');
    await radacct(`new-${id}`, '2026-11-21T10:00:00.123456Z', null);
    item = (await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: id })).body.conexao;
    assert.equal(item.framedip, '100.64.9.9');
    assert.equal(item.nas, '192.0.2.7');
    assert.equal(item.up, '5000000000', 'octet counters above 2^32 survive');
    assert.equal(item.down, '42');
    assert.equal(item.dt_hr_parada, null);
  });

  test('never authenticated or unknown connection → 003; missing/garbage codconexao → 006/005', async () => {
    const id = await connection();
    assert.deepEqual((await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: id })).body, {
      Mensagem: 'Dados não localizados.',
      'Num. ERRO': '003',
      status: 'ERRO',
    });
    assert.equal((await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: 999999 })).body['Num. ERRO'], '003');
    assert.equal((await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: 'x' })).body['Num. ERRO'], '005');
  });
});
