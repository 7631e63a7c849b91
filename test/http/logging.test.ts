import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ActivityLogBuffer } from '../../src/http/plugins/activity-log.ts';
import { maskPans, redactParams, redactUrl, sliceCodePoints, wellFormed } from '../../src/http/redact.ts';
import { createAccess } from '../support/access.ts';
import { TEST_SECRET } from '../support/build-test-app.ts';
import { mk } from '../support/mk-client.ts';
import { TestClock } from '../support/test-clock.ts';
import { freshDatabase } from '../support/test-db.ts';

const policy = new Map([
  ['sys', { loggable: true }],
  ['cd_servico', { loggable: true }],
  ['nome', { loggable: true }],
  ['password', { loggable: false }],
  ['token', { loggable: false }],
]);

test('redactUrl keeps only values the route declares safe; no policy → every value redacted', () => {
  assert.equal(
    redactUrl('/mk/WSAutenticacao.rule?sys=MK0&Token=abc&password=p%40ss&cd_servico=1&pass_sac=x&other=y', policy),
    '/mk/WSAutenticacao.rule?sys=MK0&Token=[redacted]&password=[redacted]&cd_servico=1&pass_sac=[redacted]&other=[redacted]',
  );
  assert.equal(redactUrl('/boletos/1.2.abc.pdf?t=secret'), '/boletos/1.2.abc.pdf?t=[redacted]');
  assert.equal(redactUrl('/health'), '/health');
  assert.equal(redactUrl('/mk/X.rule?nome=4111%201111%201111%201111&sys=4111111111111112', policy), '/mk/X.rule?nome=[pan]&sys=4111111111111112');
});

test('redactParams: allow-list, Luhn-valid card numbers masked anywhere, never throws on hostile text', () => {
  assert.equal(redactParams({ nome: 'Ana', password: 'x', unknown: 'y', NOME: '5555-5555-5555-4444' }, policy), 'nome=Ana&password=[redacted]&unknown=[redacted]&NOME=[pan]');
  assert.equal(redactParams({ nome: '1234567890123' }, policy), 'nome=1234567890123', 'not Luhn-valid: kept');
  assert.equal(maskPans('order 4111111111111111 and 378282246310005 then 12345678901234567890'), 'order [pan] and [pan] then 12345678901234567890');
  // Lone surrogates, a 199-character value followed by an emoji, NUL, objects: encoded, no URIError.
  assert.equal(redactParams({ nome: '\ud800' }, policy), 'nome=%EF%BF%BD');
  const long = redactParams({ nome: `${'a'.repeat(199)}😀😀` }, policy);
  assert.equal(long, `nome=${'a'.repeat(199)}${encodeURIComponent('😀')}`);
  assert.equal(redactParams({ nome: 'a\u0000b', sys: { x: [1] } }, policy), 'nome=ab&sys=%7B%22x%22%3A%5B1%5D%7D');
  assert.equal(redactParams({ '\udc00': 'v' }, policy), '%EF%BF%BD=[redacted]');
  assert.equal(sliceCodePoints('😀😀😀', 2), '😀😀');
  assert.equal(wellFormed('a\ud83d'), 'a\ufffd');
});

test('request logs and the activity log never hold tokens, passwords or contra-senhas', async () => {
  const db = await freshDatabase();
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({}, { dataDir: '.tmp/test-data', secretKey: TEST_SECRET, logLevel: 'info' });
  const app = await buildApp({ config, db, clock: new TestClock(), logger: { level: 'info', stream } });
  const access = await createAccess(db);
  const ok = await mk(app, 'WSAutenticacao', { token: access.userToken, password: access.contraSenha, cd_servico: 9999 });
  assert.equal(ok.body.status, 'OK');
  const sessionToken = ok.body.Token as string;
  await mk(app, 'WSAutenticacao', { token: access.userToken, password: 'wrong-secret-1', cd_servico: 9999 }, { method: 'POST' });
  await mk(app, 'WSAutenticacaoOperador', { username: access.operatorLogin, password: access.operatorPassword });
  await app.close(); // flushes the activity buffer
  const stored = await db.selectFrom('activity_log').select(['query', 'operator_id', 'error_code', 'endpoint_id']).orderBy('id').execute();
  await db.destroy();
  assert.equal(stored.length, 3);
  // Successful authentications name the operator; the refused one cannot.
  assert.deepEqual(
    stored.map((r) => [r.endpoint_id, r.operator_id, r.error_code]),
    [
      ['WSAutenticacao', access.operatorId, null],
      ['WSAutenticacao', null, '007'],
      ['WSAutenticacaoOperador', null, '007'],
    ],
  );
  const everything = lines.join('\n') + JSON.stringify(stored);
  assert.ok(lines.some((l) => l.includes('WSAutenticacao')), 'requests are logged');
  for (const secret of [access.userToken, access.contraSenha, 'wrong-secret-1', access.operatorPassword, sessionToken]) {
    assert.ok(!everything.includes(secret), `secret leaked: ${secret}`);
  }
});

test('activity log batches keep every value as sent: quotes, backslashes, braces, commas, "NULL", accents, nulls', async () => {
  const db = await freshDatabase();
  const buffer = new ActivityLogBuffer(db, (err) => assert.fail(String(err)), 60_000);
  const texts = ['a"b', 'c\\d', '{x,y}', 'NULL', '', ' espaço ', 'ação 😀', 'x\ny\tz'];
  const at = new Date('2026-06-15T13:00:00.123Z');
  for (const [i, text] of texts.entries()) {
    buffer.push({
      at, surface: 'mk', endpoint_id: `E${i}`, method: 'GET', client_ip: '127.0.0.1', profile_id: i % 2 ? i : null, operator_id: null,
      http_status: 200, error_code: i % 2 ? null : text, duration_ms: i, is_validation: i === 3, query: text,
    });
  }
  await buffer.close();
  const rows = await db.selectFrom('activity_log').selectAll().orderBy('id').execute();
  await db.destroy();
  assert.equal(rows.length, texts.length);
  for (const [i, text] of texts.entries()) {
    const row = rows[i]!;
    assert.equal(row.query, text);
    assert.equal(row.error_code, i % 2 ? null : text);
    assert.equal(row.profile_id, i % 2 ? i : null);
    assert.equal(row.endpoint_id, `E${i}`);
    assert.equal(row.duration_ms, i);
    assert.equal(row.is_validation, i === 3);
    assert.equal(new Date(row.at).getTime(), at.getTime());
  }
});
