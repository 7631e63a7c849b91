import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { redactUrl } from '../../src/http/redact.ts';
import { createAccess } from '../support/access.ts';
import { TEST_SECRET } from '../support/build-test-app.ts';
import { mk } from '../support/mk-client.ts';
import { TestClock } from '../support/test-clock.ts';
import { freshDatabase } from '../support/test-db.ts';

test('redactUrl masks secret values and keeps the rest', () => {
  assert.equal(
    redactUrl('/mk/WSAutenticacao.rule?sys=MK0&Token=abc&password=p%40ss&cd_servico=1&pass_sac=x'),
    '/mk/WSAutenticacao.rule?sys=MK0&Token=***&password=***&cd_servico=1&pass_sac=***',
  );
  assert.equal(redactUrl('/health'), '/health');
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
