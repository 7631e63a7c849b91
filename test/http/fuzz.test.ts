import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TSchema } from '@sinclair/typebox';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { EndpointDefinition } from '../../src/http/endpoint.ts';
import { modules } from '../../src/modules/index.ts';
import { createAccess, tokenFor } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { createBillingSetup, createCustomer, createInvoice } from '../support/factories/billing.ts';
import { multipartBody } from '../support/mk-client.ts';

/**
 * Property-based fuzzing of every registered route (issue #11): hostile values for every declared
 * parameter, by GET, urlencoded POST, JSON POST and multipart POST. Hostile input is the caller's
 * mistake: never a 5xx, never 099, never a stack trace or SQL text, and a refused call changes
 * nothing in the database. Seeded and bounded; routes that land later are fuzzed automatically.
 */
const SEED = 20261102;
// FUZZ_RUNS=n raises the number of hostile parameter sets per route and transport (default 1 keeps it fast).
const SETS_PER_TRANSPORT = Number(process.env.FUZZ_RUNS ?? 3);
const TRANSPORTS = ['GET', 'form', 'json', 'multipart'] as const;
type Transport = (typeof TRANSPORTS)[number];

const hostileText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(
    '', ' ', "'", "''", "' '", '%', '%00', '%zz', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', 'Ã©Ã§', 'é', '\u202e', '😀',
    "' OR '1'='1", "1; DROP TABLE customers; --", '1 UNION SELECT password_hash FROM operators', '../../etc/passwd', '..\\..\\win.ini',
    '-1', '0', '-0', '2147483648', '99999999999999999999', '1e309', '0x10', 'NaN', 'Infinity', '1.5', '1,5', ' 7 ',
    '31/12/9999', '00/00/0000', '29/02/2027', '9999-99-99', '0001-01-01', '31/02/2026', 'null', 'undefined', 'true', 'S', 'N',
    '[]', '{}', '<script>alert(1)</script>', '4111111111111111', '529.982.247-25', '1;2;;3', '1|x', 'R$ 10,00',
    'x'.repeat(5000), '9'.repeat(300), 'a'.repeat(70_000),
  ) },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileText, { maxKeys: 2 }),
);

interface Attempt {
  params: Array<[string, unknown]>;
  files: Array<[string, Buffer]>;
}

/** Each declared parameter present with a hostile value (often), repeated or oddly cased sometimes, plus unknown names. */
function attempts(def: EndpointDefinition, transport: Transport, seed: number): Attempt[] {
  const props = Object.entries((def.query.properties ?? {}) as Record<string, TSchema>);
  const value = transport === 'json' ? hostileJson : hostileText;
  const one = fc.record({
    present: fc.array(fc.boolean(), { minLength: props.length, maxLength: props.length }),
    values: fc.array(value, { minLength: props.length, maxLength: props.length }),
    repeat: fc.boolean(),
    upper: fc.boolean(),
    extra: fc.array(fc.tuple(fc.string({ maxLength: 8 }), hostileText), { maxLength: 2 }),
    file: fc.uint8Array({ maxLength: 64 }),
  });
  return fc.sample(one, { seed, numRuns: SETS_PER_TRANSPORT }).map((s) => {
    const params: Array<[string, unknown]> = [];
    const files: Array<[string, Buffer]> = [];
    props.forEach(([name, schema], i) => {
      if (!s.present[i]) return;
      if (schema['x-mk'] === 'file') {
        if (transport === 'multipart') files.push([name, Buffer.from(s.file)]);
        else params.push([name, s.values[i]]);
        return;
      }
      const key = s.upper ? name.toUpperCase() : name;
      params.push([key, s.values[i]]);
      if (s.repeat && transport !== 'json') params.push([key, s.values[i]]);
    });
    for (const [k, v] of s.extra) if (k && !/^(token|sys)$/i.test(k)) params.push([k, v]);
    return { params, files };
  });
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

function encodeForm(pairs: Array<[string, unknown]>): string {
  // Hand-built so lone surrogates and odd bytes go out as the client sent them (URLSearchParams would fix them).
  return pairs.map(([k, v]) => `${safeEncode(k)}=${safeEncode(asText(v))}`).join('&');
}

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return escape(text);
  }
}

const LEAKS = /\bat .+\.(ts|js):\d+|node_modules|\bselect\b.+\bfrom\b|\binsert into\b|syntax error|violates|relation "|duplicate key|TypeError|RangeError|URIError|Cannot read prop/i;
const INTERNAL_TEXT = 'Erro interno ao processar a requisição.';

describe('fuzz: hostile values on every route and transport', () => {
  let t: TestApp;
  let token: string;
  let userToken: string;
  before(async () => {
    t = await buildTestApp();
    token = await tokenFor(t.db);
    userToken = (await createAccess(t.db)).userToken;
    const s = await createBillingSetup(t.db);
    const customer = await createCustomer(t.db, s);
    await createInvoice(t.db, s, customer.id);
  });
  after(async () => t.close());

  /**
   * A fingerprint of every table but the activity log (written asynchronously by design) and the
   * failure counters that refused credential checks must record (the SAC login throttle and the
   * per-endpoint-and-IP credential throttle).
   */
  async function fingerprint(): Promise<string> {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not in ('activity_log', 'sac_login_failures', 'credential_failures')
      order by table_name`.execute(t.db);
    const parts = tables.rows.map((r) => sql`select ${r.name} as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(r.name)} x`);
    const rows = await sql<{ t: string; n: number; h: string }>`${sql.join(parts, sql` union all `)}`.execute(t.db);
    return rows.rows.map((r) => `${r.t}:${r.n}:${r.h}`).join(',');
  }

  async function send(def: EndpointDefinition, transport: Transport, a: Attempt) {
    const auth: Array<[string, unknown]> = def.service === 'open' ? [] : [['token', token]];
    if (def.id === 'WSAutenticacao') auth.push(['token', userToken]);
    const bodyMethod = def.methods.find((m) => m !== 'GET');
    if (transport === 'GET' || !bodyMethod) {
      const method = def.methods.includes('GET') ? 'GET' : (bodyMethod ?? 'GET');
      return t.app.inject({ method, url: `${def.url}?sys=MK0&${encodeForm([...auth, ...a.params])}` });
    }
    const url = `${def.url}?sys=MK0&${encodeForm(auth)}`;
    if (transport === 'form') {
      return t.app.inject({ method: bodyMethod, url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm(a.params) });
    }
    if (transport === 'json') {
      const body = `{${a.params.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
      return t.app.inject({ method: bodyMethod, url, headers: { 'content-type': 'application/json' }, payload: body });
    }
    const fields: Record<string, string> = {};
    for (const [k, v] of a.params) fields[k.replace(/["\r\n]/g, '_')] = asText(v).replace(/\r?\n/g, ' ');
    const files = Object.fromEntries(a.files.map(([name, data]) => [name, { filename: `${name}.jpg`, data, contentType: 'image/jpeg' }]));
    const body = multipartBody(fields, files);
    return t.app.inject({ method: bodyMethod, url, headers: { 'content-type': body.contentType }, payload: body.payload });
  }

  test('zero 5xx, zero 099, no stack or SQL text, refused calls change nothing', async (tc) => {
    const definitions = modules.flatMap((m) => m.endpoints);
    assert.ok(definitions.length >= 30, `routes from the inventory: ${definitions.length}`);
    let calls = 0;
    let tokenRefusals = 0;
    const failures: string[] = [];
    for (const [d, def] of definitions.entries()) {
      // The database is compared around each route's calls: when every call was refused, nothing may have changed.
      const before = await fingerprint();
      let accepted = 0;
      for (const [ti, transport] of TRANSPORTS.entries()) {
        for (const a of attempts(def, transport, SEED + d * 10 + ti)) {
          const started = Date.now();
          const res = await send(def, transport, a);
          calls += 1;
          const where = `${def.id} ${transport} ${JSON.stringify(a.params).slice(0, 300)}`;
          let body: Record<string, unknown> | unknown[] | null = null;
          try {
            body = JSON.parse(res.body);
          } catch {
            failures.push(`${where}: not JSON: ${res.body.slice(0, 200)}`);
          }
          const code = body && !Array.isArray(body) ? (body['Num. ERRO'] ?? body.CODIGO_ERRO ?? body.codigo_erro) : undefined;
          if (code === '001' || code === '002') tokenRefusals += 1;
          if (res.statusCode >= 500) failures.push(`${where}: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (code === '099' || res.body.includes(INTERNAL_TEXT)) failures.push(`${where}: 099`);
          if (LEAKS.test(res.body)) failures.push(`${where}: leaks ${res.body.slice(0, 300)}`);
          if (Date.now() - started > 5000) failures.push(`${where}: took ${Date.now() - started} ms`);
          const refused = res.statusCode >= 400 || (body !== null && !Array.isArray(body) && body.status === 'ERRO');
          if (!refused) accepted += 1;
        }
      }
      if (accepted === 0) {
        const afterPrint = await fingerprint();
        if (afterPrint !== before) {
          // A background job (outbox dispatcher, RADIUS worker…) may have written during the
          // window: the same refused calls again must change nothing for the route to pass.
          const again = await fingerprint();
          for (const [ti, transport] of TRANSPORTS.entries()) {
            for (const a of attempts(def, transport, SEED + d * 10 + ti)) await send(def, transport, a);
          }
          const againAfter = await fingerprint();
          if (againAfter !== again) {
            const was = new Set(again.split(','));
            const changed = againAfter.split(',').filter((x) => !was.has(x)).map((x) => x.split(':')[0]);
            failures.push(`${def.id}: every call was refused but the database changed (${changed.join(', ')})`);
          } else {
            const was = new Set(before.split(','));
            tc.diagnostic(`${def.id}: a change during its window did not repeat (${afterPrint.split(',').filter((x) => !was.has(x)).map((x) => x.split(':')[0])})`);
          }
        }
      }
    }
    tc.diagnostic(`${calls} calls over ${definitions.length} routes, ${tokenRefusals} token refusals`);
    assert.deepEqual(failures, [], `${failures.length} of ${calls} calls failed`);
    assert.ok(calls >= definitions.length * TRANSPORTS.length);
    assert.ok(tokenRefusals < calls / 10, `hostile values must reach the parameter checks, not stop at the token (${tokenRefusals} token refusals)`);
  });
});
