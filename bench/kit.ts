// HTTP overhead of the MK kit, as ratios against /health measured in the same run:
//   npx tsx bench/kit.ts [seconds per scenario]
// Scenarios: /health (baseline: Fastify alone), an unknown .rule (404 + activity log),
// WSAutenticacao refused (param normalisation + validation + DB lookup + activity log), and an
// authenticated protected call refused for scope (token lookup + activity log), and the
// operator login (bound by scrypt, by design).
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemClock } from '../src/http/context.ts';
import { hashPassword } from '../src/lib/password.ts';
import { newSessionToken, sha256Hex } from '../src/lib/tokens.ts';

const seconds = Number(process.argv[2] ?? 5);
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory' });
await migrate(db);
const config = loadConfig({}, { dataDir: '.tmp/bench', secretKey: 'bench-secret-0123456789abcdef0123456789', logLevel: 'silent' });
const app = await buildApp({ config, db, clock: systemClock, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const op = await db.insertInto('operators')
  .values({ login: 'bench', name: 'bench', password_hash: await hashPassword('x'), api_token_hash: sha256Hex('bench-token') })
  .returning('id').executeTakeFirstOrThrow();
const profile = await db.insertInto('ws_profiles')
  .values({ description: 'bench', expiry_minutes: 60, secret_hmac: sha256Hex('bench-profile') })
  .returning('id').executeTakeFirstOrThrow();
await db.insertInto('ws_profile_operators').values({ profile_id: profile.id, operator_id: op.id }).execute();
const token = newSessionToken();
await db.insertInto('ws_sessions').values({
  token_hash: sha256Hex(token), profile_id: profile.id, operator_id: op.id, services: [1],
  expires_at: new Date(Date.now() + 3_600_000), client_ip: '127.0.0.1',
}).execute();

const scenarios: Array<[string, string]> = [
  ['baseline GET /health', '/health'],
  ['unknown .rule (404 + activity log)', '/mk/NoSuchThing.rule?sys=MK0'],
  ['WSAutenticacao refused (validation + lookup + log)', '/mk/WSAutenticacao.rule?sys=MK0&token=nope&password=nope1234&cd_servico=9999'],
  ['WSMKConsultaDoc, token checked, scope refused', `/mk/WSMKConsultaDoc.rule?sys=MK0&token=${token}&doc=52998224725`],
  ['WSAutenticacaoOperador refused (scrypt-bound)', '/mk/WSAutenticacaoOperador.rule?sys=MK0&username=x&password=y'],
];
const results: Array<[string, number, number]> = [];
for (const [name, path] of scenarios) {
  const r = await autocannon({ url: base + path, connections: 10, duration: seconds });
  results.push([name, r.requests.average, r.latency.p99]);
}
const baseline = results[0]![1];
console.log(`\n${'scenario'.padEnd(52)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)}  ratio vs baseline`);
for (const [name, rps, p99] of results) {
  console.log(`${name.padEnd(52)} ${rps.toFixed(0).padStart(8)} ${String(p99).padStart(7)}  ${(rps / baseline).toFixed(2)}`);
}
await app.close();
await db.destroy();
process.exit(0);
