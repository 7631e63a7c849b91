// WSMKVerificaDispPorta's query on 100 000 CTO boxes (8 ports each, a quarter of them full):
// EXPLAIN ANALYZE of one call and the latency of many, with the bounding-box prefilter on the
// (latitude, longitude) index against the same query without it (a full scan) as the baseline.
// Embedded engine always; PostgreSQL too when DATABASE_URL points at an empty database.
//   npx tsx bench/viability-plan.ts [boxes]
import { CompiledQuery, sql } from 'kysely';
import { type Db, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { nearestBoxesQuery, type NearestQuery } from '../src/modules/crm/viability.repository.ts';

const BOXES = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
// Boxes spread over a 0.5° × 0.5° square (≈ 55 km × 51 km) around Londrina: ≈ 35 boxes per km².
const AREA = { lat: -23.55, lon: -51.4, size: 0.5 };
const RADIUS = 300;
const CALLS = 300;

async function seed(db: Db): Promise<void> {
  await sql`select setseed(0.42)`.execute(db);
  const city = await sql<{ id: number }>`insert into cities (state_id, name, ibge_code) values (16, 'Bench', 4113700) returning id`.execute(db);
  const hood = await sql<{ id: number }>`insert into neighbourhoods (city_id, name) values (${city.rows[0]!.id}, 'Centro') returning id`.execute(db);
  const street = await sql<{ id: number }>`insert into streets (neighbourhood_id, name, cep) values (${hood.rows[0]!.id}, 'Rua A', '86000000') returning id`.execute(db);
  const company = await sql<{ id: number }>`insert into companies (legal_name, trade_name, short_name, cnpj, street_id, address_number, cep)
    values ('Bench LTDA', 'Bench', 'bench', '11222333000181', ${street.rows[0]!.id}, '1', '86000000') returning id`.execute(db);
  await sql`insert into network_boxes (company_id, code, kind, capacity, splitter, latitude, longitude)
    select ${company.rows[0]!.id}, 'CTO-' || g, 'cto', 8, '1x8',
           ${AREA.lat}::float8 + random() * ${AREA.size}::float8, ${AREA.lon}::float8 + random() * ${AREA.size}::float8
    from generate_series(1, ${BOXES}::int) g`.execute(db);
  // Box id mod 4 = number of free ports (0–3); the other ports are taken (reserved).
  await sql`insert into network_box_ports (network_box_id, number, status)
    select b.id, n, case when n <= b.id % 4 then 'free' else 'reserved' end
    from network_boxes b cross join generate_series(1, 8) n`.execute(db);
  await sql`analyze network_boxes`.execute(db);
  await sql`analyze network_box_ports`.execute(db);
}

function points(n: number): Array<{ latitude: number; longitude: number }> {
  let x = 12345;
  const rand = () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
  return Array.from({ length: n }, () => ({ latitude: AREA.lat + 0.01 + rand() * (AREA.size - 0.02), longitude: AREA.lon + 0.01 + rand() * (AREA.size - 0.02) }));
}

async function explain(db: Db, q: NearestQuery): Promise<string> {
  const c = nearestBoxesQuery(db, q).compile();
  const r = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${c.sql}`, [...c.parameters]));
  return r.rows.map((row) => `   ${row['QUERY PLAN']}`).join('\n');
}

async function latency(db: Db, prefilter: boolean, calls: number): Promise<{ p50: number; p95: number; found: number }> {
  const times: number[] = [];
  let found = 0;
  for (const p of points(calls)) {
    const t0 = performance.now();
    const rows = await nearestBoxesQuery(db, { ...p, radiusMeters: RADIUS, limit: 10, prefilter }).execute();
    times.push(performance.now() - t0);
    found += rows.length;
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(calls / 2)]!, p95: times[Math.floor(calls * 0.95)]!, found: found / calls };
}

async function run(label: string, databaseUrl: string | undefined): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory', databaseUrl });
  try {
    await migrate(db);
    const t0 = performance.now();
    await seed(db);
    console.log(`\n## ${label}: ${BOXES} boxes, ${BOXES * 8} ports seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const center = { latitude: AREA.lat + AREA.size / 2, longitude: AREA.lon + AREA.size / 2 };
    console.log(`\n   EXPLAIN ANALYZE (prefilter on, radius ${RADIUS} m):`);
    console.log(await explain(db, { ...center, radiusMeters: RADIUS, limit: 10 }));
    console.log(`\n   EXPLAIN ANALYZE (baseline: no bounding box):`);
    console.log(await explain(db, { ...center, radiusMeters: RADIUS, limit: 10, prefilter: false }));
    await latency(db, true, 20);
    const fast = await latency(db, true, CALLS);
    const slow = await latency(db, false, Math.max(20, Math.floor(CALLS / 10)));
    console.log(`\n   ${CALLS} calls with the prefilter: p50 ${fast.p50.toFixed(2)} ms, p95 ${fast.p95.toFixed(2)} ms, ${fast.found.toFixed(1)} boxes per answer`);
    console.log(`   baseline (full scan): p50 ${slow.p50.toFixed(2)} ms, p95 ${slow.p95.toFixed(2)} ms → prefilter is ${(slow.p50 / fast.p50).toFixed(0)}× faster (p50)`);
  } finally {
    await db.destroy();
  }
}

if (!process.argv.includes('--postgres-only')) await run('embedded (PGlite)', undefined);
if (process.env.DATABASE_URL) await run('PostgreSQL', process.env.DATABASE_URL);
