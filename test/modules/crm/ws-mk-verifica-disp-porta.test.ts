import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery } from 'kysely';
import { withTransaction } from '../../../src/db/transaction.ts';
import { boundingBox, nearestBoxesQuery } from '../../../src/modules/crm/viability.repository.ts';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBox, createLead, crmModules, haversine, offset, setCrmSettings } from '../../support/factories/crm.ts';
import { createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

const CENTER = { lat: -23.3045, lon: -51.1696 };

describe('WSMKVerificaDispPorta', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  const boxes: Record<string, { id: number; code: string; at: { lat: number; lon: number } }> = {};
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    token = await createSession(t.db, await createAccess(t.db));
    w = await createWorld(t.db);
    const place = async (name: string, meters: number, bearing: number, o: Parameters<typeof createBox>[3] = {}) => {
      const at = offset(CENTER.lat, CENTER.lon, meters, bearing);
      boxes[name] = { ...(await createBox(t.db, w.company.id, at, o)), at };
    };
    await place('east150', 150, 90, { free: 3, defective: 1 });
    await place('north50', 50, 0, { free: 1 });
    await place('sw280', 280, 225, { free: 2 });
    await place('full90', 90, 180, { free: 0, defective: 4 });
    await place('inactive30', 30, 45, { active: false });
    await place('splice40', 40, 300, { kind: 'ceo' });
    await place('far420', 420, 135, { free: 8 });
  });
  after(async () => t.close());

  test('CTOs with free ports within 300 m, nearest first, distances in metres (great circle)', async () => {
    const res = await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: CENTER.lat, lon: CENTER.lon });
    assert.deepEqual(Object.keys(res.body), ['Caixas', 'Raio', 'Viavel', 'status']);
    assert.equal(res.body.Raio, 300);
    assert.equal(res.body.Viavel, 'Sim');
    assert.deepEqual(res.body.Caixas.map((b: { cd_caixa: number }) => b.cd_caixa), [boxes.north50!.id, boxes.east150!.id, boxes.sw280!.id]);
    const first = res.body.Caixas[1];
    assert.deepEqual(Object.keys(first), ['capacidade', 'cd_caixa', 'descricao', 'distancia', 'latitude', 'longitude', 'portas_livres']);
    assert.deepEqual([first.descricao, first.portas_livres, first.capacidade], [boxes.east150!.code, 3, 4]);
    for (const [i, name] of (['north50', 'east150', 'sw280'] as const).entries()) {
      const expected = haversine(CENTER, boxes[name]!.at);
      assert.ok(Math.abs(res.body.Caixas[i].distancia - expected) <= 1, `${name}: ${res.body.Caixas[i].distancia} vs ${expected}`);
    }
  });

  test('the radius is a setting: 500 m brings in the box at 420 m', async () => {
    await setCrmSettings(t.db, { radius: 500 });
    try {
      const res = await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: CENTER.lat, lon: CENTER.lon });
      assert.equal(res.body.Raio, 500);
      assert.equal(res.body.Caixas.at(-1).cd_caixa, boxes.far420!.id);
    } finally {
      await setCrmSettings(t.db, { radius: 300 });
    }
  });

  test('nothing in range → OK with an empty list and Viavel "Não"', async () => {
    const res = await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: '-10.5', lon: '-40.25' });
    assert.deepEqual(res.body, { Caixas: [], Raio: 300, Viavel: 'Não', status: 'OK' });
  });

  test('coordinates out of range or not numbers → 005 naming them; missing → 006', async () => {
    for (const [lat, lon, name] of [['91', '-51', 'lat'], ['-23', '-180.5', 'lon'], ['abc', '-51', 'lat'], ['-23,3', '-51', 'lat']] as const) {
      const res = await mk(t.app, 'WSMKVerificaDispPorta', { token, lat, lon });
      assert.ok(isMkErrorBody(res.body, '005'), `${lat},${lon}`);
      assert.match(res.body.Mensagem, new RegExp(name));
    }
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: '-23' })).body, '006'));
  });

  test('cd_lead: unknown → 003; a lead without coordinates takes the checked point; one with them keeps its own', async () => {
    const missing = await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: CENTER.lat, lon: CENTER.lon, cd_lead: 99_999_999 });
    assert.ok(isMkErrorBody(missing.body, '003'));
    assert.equal(Object.keys(missing.body).length, 3);
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
    const bare = await createLead(t.db, { companyId: w.company.id, customerId: c.id, at: null });
    const placed = await createLead(t.db, { companyId: w.company.id, customerId: c.id, at: { lat: -20, lon: -50 } });
    for (const lead of [bare, placed]) {
      const res = await mk(t.app, 'WSMKVerificaDispPorta', { token, lat: CENTER.lat, lon: CENTER.lon, cd_lead: lead.id });
      assert.equal(res.body.Caixas.length, 3);
    }
    const rows = await t.db.selectFrom('leads').select(['id', 'latitude', 'longitude']).where('id', 'in', [bare.id, placed.id]).orderBy('id').execute();
    assert.deepEqual(rows, [{ id: bare.id, latitude: CENTER.lat, longitude: CENTER.lon }, { id: placed.id, latitude: -20, longitude: -50 }]);
  });

  test('bounding box holds the whole circle (also near a pole and across the antimeridian)', () => {
    for (const [lat, lon] of [[-23.3, -51.1], [60, 10], [-0.001, 179.999], [89.999, 0]] as const) {
      const box = boundingBox(lat, lon, 300);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        const p = offset(lat, lon, 300, bearing);
        assert.ok(p.lat >= box.latMin && p.lat <= box.latMax, `lat ${lat},${lon} @${bearing}`);
        if (box.lonMin !== null && box.lonMax !== null) assert.ok(p.lon >= box.lonMin && p.lon <= box.lonMax, `lon ${lat},${lon} @${bearing}`);
      }
    }
    assert.equal(boundingBox(-0.001, 179.999, 300).lonMin, null);
    assert.equal(boundingBox(89.999, 0, 300).lonMin, null);
  });

  test('the prefilter can use the (latitude, longitude) index', async () => {
    const compiled = nearestBoxesQuery(t.db, { latitude: CENTER.lat, longitude: CENTER.lon, radiusMeters: 300, limit: 10 }).compile();
    const plan = await withTransaction(t.db, async (tx) => {
      await tx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
      const r = await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    assert.match(plan, /network_boxes_lat_lon_idx/);
    assert.match(plan, /Index Cond: \(\(latitude >= .*longitude <= /s);
  });
});
