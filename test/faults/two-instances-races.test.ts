import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { THROTTLE_CHANNEL } from '../../src/modules/auth/credential-failures.repository.ts';
import { type Access, createAccess, createSession } from '../support/access.ts';
import { TEST_SECRET } from '../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, type Setup } from '../support/factories/billing.ts';
import { createNetwork } from '../support/factories/connections.ts';
import { createBox, createLead, offset } from '../support/factories/crm.ts';
import { listen } from '../support/notifications.ts';
import { ServerProcess } from '../support/server-process.ts';
import { freshPostgresUrl } from '../support/test-db.ts';

const pgUrl = process.env.DATABASE_URL;
type Answer = Awaited<ReturnType<ServerProcess['mk']>>;
const refusal = (r: Answer) => (r.body.status === 'OK' ? 'OK' : r.body['Num. ERRO']);

describe('two server processes on one PostgreSQL: races decided once', { skip: pgUrl ? false : 'runs on PostgreSQL only (.ci/run sets DATABASE_URL)' }, () => {
  let db: Db;
  let a: ServerProcess;
  let b: ServerProcess;
  let s: Setup;
  let access: Access;
  before(async () => {
    const url = await freshPostgresUrl(pgUrl as string);
    db = await openDatabase({ databaseUrl: url, dataDir: 'memory', poolSize: 4 });
    s = await createBillingSetup(db);
    access = await createAccess(db);
    // The test's contra-senhas are keyed with TEST_SECRET; X-Forwarded-For gives each scenario its own client IP.
    const env = { SECRET_KEY: TEST_SECRET, TRUST_PROXY: '127.0.0.1', BLOCKING_JOB_INTERVAL_SECONDS: '0', RADIUS_COA_INTERVAL_SECONDS: '0' };
    [a, b] = await Promise.all([ServerProcess.start(url, env), ServerProcess.start(url, env)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.destroy();
  });

  const session = (o: { singleUse?: boolean } = {}) => createSession(db, access, { now: new Date(), singleUse: o.singleUse ?? false });
  const login = (server: ServerProcess, ip: string, password: string) =>
    server.mk('WSAutenticacao', { token: access.userToken, password, cd_servico: 9999 }, 10_000, { 'x-forwarded-for': ip });

  test('credential failures split across both instances: the limit is shared, then both answer 011', async () => {
    const ip = '198.51.100.20';
    const wrong = await Promise.all(Array.from({ length: 10 }, (_, i) => login(i % 2 ? a : b, ip, `errada-${i}-x`)));
    assert.deepEqual(wrong.map(refusal), Array(10).fill('007'), 'five on each, at once: all ten counted, none refused early');
    assert.equal(refusal(await login(a, ip, 'errada-11-x')), '011');
    assert.equal(refusal(await login(b, ip, 'errada-12-x')), '011');
    for (const server of [a, b]) assert.equal(refusal(await login(server, ip, access.contraSenha)), '011', 'even the right contra-senha');
    assert.equal(refusal(await login(a, '198.51.100.21', access.contraSenha)), 'OK', 'other IPs are not affected');
    const row = await db.selectFrom('credential_failures').select('failed_at').where('throttle_key', '=', `WSAutenticacao|${ip}`).executeTakeFirstOrThrow();
    assert.equal(row.failed_at.length, 10, 'refused attempts are not counted');
  });

  test('a block made on one instance is refused by the other without a failure of its own (NOTIFY)', async () => {
    const ip = '198.51.100.22';
    const announcements = await listen(db, THROTTLE_CHANNEL);
    try {
      for (let i = 0; i < 10; i++) assert.equal(refusal(await login(b, ip, `errada-${i}-x`)), '007');
      // Delivered to the test's listener; the instances' listeners get it at the same moment.
      await announcements.heard(`|${ip}"`);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await announcements.stop();
    }
    assert.equal(refusal(await login(a, ip, access.contraSenha)), '011');
    assert.equal(refusal(await login(b, ip, access.contraSenha)), '011');
  });

  test('a single-use token sent to both at the same instant: exactly one call succeeds, the other gets 001', async () => {
    const customer = await createCustomer(db, s);
    for (let round = 0; round < 10; round++) {
      const token = await session({ singleUse: true });
      const answers = await Promise.all([a, b].map((server) => server.mk('WSMKConsultaDoc', { token, doc: customer.document })));
      assert.deepEqual(answers.map(refusal).sort(), ['001', 'OK'], `round ${round}: ${JSON.stringify(answers.map((x) => x.body))}`);
    }
  });

  test('a single-use token spent by a write on both at once: one write, the loser rolled back', async () => {
    const customer = await createCustomer(db, s);
    for (let round = 0; round < 5; round++) {
      const at = { lat: -10 - round * 0.5, lon: -40 };
      await createBox(db, s.companyId, offset(at.lat, at.lon, 50, 90), { free: 4 });
      const leads = [await createLead(db, { companyId: s.companyId, customerId: customer.id, at }), await createLead(db, { companyId: s.companyId, customerId: customer.id, at })];
      const token = await session({ singleUse: true });
      const answers = await Promise.all([a, b].map((server, i) => server.mk('WSMKReservarPorta', { token, cd_lead: leads[i]?.id ?? 0 })));
      assert.deepEqual(answers.map(refusal).sort(), ['001', 'OK'], `round ${round}: ${JSON.stringify(answers.map((x) => x.body))}`);
      const reservations = await db.selectFrom('port_reservations').select('id').where('lead_id', 'in', leads.map((l) => l.id)).execute();
      assert.equal(reservations.length, 1, 'the refused call wrote nothing');
    }
  });

  test('WSMKCriarConexao with the same IP or the same username on both at once: one connection, the other 009', async () => {
    const customer = await createCustomer(db, s);
    const contract = await createContract(db, s, customer.id);
    const token = await session();
    let n = 0;
    const params = (net: { serverId: number; accessPointId: number }, extra: Record<string, string | number>) => {
      n += 1;
      return {
        token, CodigoCliente: customer.id, CodigoPontoAcesso: net.accessPointId, CodigoContrato: contract.id, CodigoServidor: net.serverId,
        CodigoPlanoAcesso: contract.planId, CodigoTipoIP: 2, Tecnologia: 'F', AutoDesbloqueio: 'false', EnderecoCadastro: 'true',
        TipoConexao: 1, Password: 'segredo1', MacAddress: `AA:BB:CC:00:01:${String(n % 100).padStart(2, '0')}`, Username: `corrida.${n}`, ...extra,
      };
    };
    const race = async (first: Record<string, string | number>, second: Record<string, string | number>) => {
      const answers = await Promise.all([a.mk('WSMKCriarConexao', first), b.mk('WSMKCriarConexao', second)]);
      assert.deepEqual(answers.map(refusal).sort(), ['009', 'OK'], JSON.stringify(answers.map((x) => x.body)));
    };
    const net = await createNetwork(db, s, { planIds: [contract.planId] });
    for (const ipId of net.ipIds.slice(1)) {
      await race(params(net, { CodigoTipoIP: 1, CodigoIP: ipId }), params(net, { CodigoTipoIP: 1, CodigoIP: ipId }));
      const holders = await db.selectFrom('connections').select('id').where('ip_address_id', '=', ipId).execute();
      assert.equal(holders.length, 1, `IP ${ipId} assigned once`);
    }
    for (let round = 0; round < 5; round++) {
      const username = `Mesmo.Nome${round}`;
      await race(params(net, { Username: username }), params(net, { Username: username.toLowerCase() }));
      const holders = await db.selectFrom('connections').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).execute();
      assert.equal(holders.length, 1, `${username} created once (usernames are unique regardless of case)`);
    }
  });

  test('the last free port of a box reserved from both at once: one reservation, the other refused (008)', async () => {
    const customer = await createCustomer(db, s);
    const token = await session();
    for (let round = 0; round < 5; round++) {
      const at = { lat: -5 - round * 0.5, lon: -35 };
      const box = await createBox(db, s.companyId, offset(at.lat, at.lon, 40, 0), { free: 1, defective: 3 });
      const leads = [await createLead(db, { companyId: s.companyId, customerId: customer.id, at }), await createLead(db, { companyId: s.companyId, customerId: customer.id, at })];
      const answers = await Promise.all([a, b].map((server, i) => server.mk('WSMKReservarPorta', { token, cd_lead: leads[i]?.id ?? 0 })));
      assert.deepEqual(answers.map(refusal).sort(), ['008', 'OK'], `round ${round}: ${JSON.stringify(answers.map((x) => x.body))}`);
      const reservations = await db
        .selectFrom('port_reservations as r')
        .innerJoin('network_box_ports as p', 'p.id', 'r.network_box_port_id')
        .select('r.id')
        .where('p.network_box_id', '=', box.id)
        .execute();
      assert.equal(reservations.length, 1);
    }
  });
});
