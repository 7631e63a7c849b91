import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expireReservations } from '../../../src/modules/crm/viability.service.ts';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBox, createLead, crmModules, freePorts, offset, setCrmSettings } from '../../support/factories/crm.ts';
import { createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

const DAY = 86_400_000;
let area = 0;
/** A fresh spot per test, ~50 km apart, so boxes of one test never reach another's leads. */
const nextArea = () => {
  area += 1;
  return { lat: -22 - area * 0.5, lon: -48 - area * 0.5 };
};

describe('WSMKReservarPorta', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let customer: { id: number };
  const lead = async (at: { lat: number; lon: number } | null, status: 'open' | 'lost' = 'open') =>
    (await createLead(t.db, { companyId: w.company.id, customerId: customer.id, at, status })).id;
  const reservation = (id: number) => t.db.selectFrom('port_reservations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    token = await createSession(t.db, await createAccess(t.db), { now: t.clock.now() });
    w = await createWorld(t.db);
    customer = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
  });
  after(async () => t.close());

  test('reserves the lowest free port of the nearest box for 7 days by default; audit row', async () => {
    const at = nextArea();
    const near = await createBox(t.db, w.company.id, offset(at.lat, at.lon, 80, 10), { free: 3 });
    await createBox(t.db, w.company.id, offset(at.lat, at.lon, 200, 200), { free: 3 });
    const id = await lead(at);
    const res = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: id });
    assert.deepEqual(Object.keys(res.body), ['CodigoCaixa', 'CodigoLead', 'CodigoReserva', 'DescricaoCaixa', 'Distancia', 'Porta', 'ReservadaAte', 'status']);
    assert.deepEqual([res.body.CodigoCaixa, res.body.DescricaoCaixa, res.body.CodigoLead, res.body.Porta, res.body.Distancia], [near.id, near.code, id, 1, 80]);
    assert.match(res.body.ReservadaAte, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    const r = await reservation(res.body.CodigoReserva);
    assert.equal(r.status, 'active');
    assert.equal(r.expires_at.getTime() - r.reserved_at.getTime(), 7 * DAY);
    assert.equal(r.reserved_at.getTime(), t.clock.now().getTime());
    assert.deepEqual(await freePorts(t.db, near.id), [2, 3]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'port_reservation').where('entity_id', '=', String(r.id)).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'reserve');
  });

  test('periodo_reserva sets the days; the CRM setting sets the default; 0 or 91 → 005', async () => {
    const at = nextArea();
    await createBox(t.db, w.company.id, offset(at.lat, at.lon, 10, 0), { free: 4 });
    const three = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(at), periodo_reserva: 3 });
    const r3 = await reservation(three.body.CodigoReserva);
    assert.equal(r3.expires_at.getTime() - r3.reserved_at.getTime(), 3 * DAY);
    await setCrmSettings(t.db, { days: 10 });
    try {
      const ten = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(at) });
      const r10 = await reservation(ten.body.CodigoReserva);
      assert.equal(r10.expires_at.getTime() - r10.reserved_at.getTime(), 10 * DAY);
    } finally {
      await setCrmSettings(t.db, { days: 7 });
    }
    for (const days of ['0', '91', 'x']) {
      const res = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(at), periodo_reserva: days });
      assert.ok(isMkErrorBody(res.body, '005'), days);
      assert.match(res.body.Mensagem, /periodo_reserva/);
    }
  });

  test('a reserved port is not free for others: viability stops counting it, the next lead gets another box', async () => {
    const at = nextArea();
    const single = await createBox(t.db, w.company.id, offset(at.lat, at.lon, 20, 90), { free: 1 });
    const second = await createBox(t.db, w.company.id, offset(at.lat, at.lon, 150, 90), { free: 2 });
    const first = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(at) });
    assert.equal(first.body.CodigoCaixa, single.id);
    const v = await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: at.lat, lon: at.lon });
    assert.deepEqual(v.body.Caixas.map((b: { cd_caixa: number }) => b.cd_caixa), [second.id]);
    const next = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(at) });
    assert.deepEqual([next.body.CodigoCaixa, next.body.Porta], [second.id, 1]);
  });

  test('leads racing for the last free port: exactly one gets it (5 rounds of 3)', async () => {
    for (let round = 0; round < 5; round++) {
      const at = nextArea();
      const box = await createBox(t.db, w.company.id, offset(at.lat, at.lon, 30, 0), { free: 1, defective: 3 });
      const leads = [await lead(at), await lead(offset(at.lat, at.lon, 60, 0)), await lead(offset(at.lat, at.lon, 90, 180))];
      const answers = await Promise.all(leads.map((id) => mk(t.app, 'WSMKReservarPorta', { token, cd_lead: id })));
      const ok = answers.filter((a) => a.body.status === 'OK');
      const refused = answers.filter((a) => a.body.status === 'ERRO');
      assert.equal(ok.length, 1, JSON.stringify(answers.map((a) => a.body)));
      assert.equal(refused.length, 2);
      for (const r of refused) {
        assert.equal(r.body['Num. ERRO'], '008');
        assert.match(r.body.Mensagem, /nenhuma porta livre num raio de 300 m/);
      }
      assert.equal(ok[0]!.body.CodigoCaixa, box.id);
      const active = await t.db
        .selectFrom('port_reservations as r')
        .innerJoin('network_box_ports as p', 'p.id', 'r.network_box_port_id')
        .select('r.lead_id')
        .where('p.network_box_id', '=', box.id)
        .where('r.status', '=', 'active')
        .execute();
      assert.deepEqual(active.map((a) => a.lead_id), [ok[0]!.body.CodigoLead]);
    }
  });

  test('a lead with a running reservation → 009; unknown lead → 003; closed lead → 008', async () => {
    const at = nextArea();
    await createBox(t.db, w.company.id, offset(at.lat, at.lon, 5, 0), { free: 5 });
    const id = await lead(at);
    assert.equal((await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: id })).body.status, 'OK');
    const again = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: id });
    assert.ok(isMkErrorBody(again.body, '009'));
    assert.match(again.body.Mensagem, /porta 1 da caixa/);
    const unknown = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: 99_999_999 });
    assert.ok(isMkErrorBody(unknown.body, '003'));
    assert.equal(Object.keys(unknown.body).length, 3);
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(at, 'lost') })).body, '008'));
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKReservarPorta', { token })).body, '006'));
  });

  test('coordinates: the lead’s, else the customer’s; none → 008 pointing at WSMKVerificaDispPorta', async () => {
    const at = nextArea();
    const box = await createBox(t.db, w.company.id, offset(at.lat, at.lon, 40, 0), { free: 2 });
    const placed = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, latitude: at.lat, longitude: at.lon });
    const viaCustomer = (await createLead(t.db, { companyId: w.company.id, customerId: placed.id, at: null })).id;
    assert.equal((await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: viaCustomer })).body.CodigoCaixa, box.id);
    const none = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(null) });
    assert.ok(isMkErrorBody(none.body, '008'));
    assert.match(none.body.Mensagem, /WSMKVerificaDispPorta/);
  });

  test('no box with a free port within the radius → 008, nothing written', async () => {
    const at = nextArea();
    await createBox(t.db, w.company.id, offset(at.lat, at.lon, 350, 0), { free: 2 });
    const before = await t.db.selectFrom('port_reservations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: await lead(at) });
    assert.ok(isMkErrorBody(res.body, '008'));
    const after = await t.db.selectFrom('port_reservations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('the expiry job frees the port once the period is over (not before), and only once', async () => {
    const at = nextArea();
    const box = await createBox(t.db, w.company.id, offset(at.lat, at.lon, 25, 0), { free: 1 });
    const id = await lead(at);
    const res = await mk(t.app, 'WSMKReservarPorta', { token, cd_lead: id, periodo_reserva: 2 });
    assert.deepEqual(await freePorts(t.db, box.id), []);
    t.clock.advance(DAY);
    await expireReservations(t);
    assert.deepEqual(await freePorts(t.db, box.id), []);
    t.clock.advance(DAY);
    assert.ok((await expireReservations(t)) >= 1);
    assert.deepEqual(await freePorts(t.db, box.id), [1]);
    const r = await reservation(res.body.CodigoReserva);
    assert.deepEqual([r.status, r.ended_at?.getTime()], ['expired', t.clock.now().getTime()]);
    assert.equal(await expireReservations(t), 0);
    // The lead may reserve again; the same port comes back.
    const fresh = await createSession(t.db, await createAccess(t.db), { now: t.clock.now() });
    const again = await mk(t.app, 'WSMKReservarPorta', { token: fresh, cd_lead: id });
    assert.deepEqual([again.body.CodigoCaixa, again.body.Porta], [box.id, 1]);
  });
});
