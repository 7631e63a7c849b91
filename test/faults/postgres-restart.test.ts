import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { PgCluster } from '../support/pg-cluster.ts';
import { ServerProcess, seedSmallDemo } from '../support/server-process.ts';
import { freshPostgresUrl } from '../support/test-db.ts';

const onPostgresLeg = process.env.DATABASE_URL !== undefined && PgCluster.available();

describe('PostgreSQL restarted while serving', { skip: onPostgresLeg ? false : 'runs on the PostgreSQL leg only (.ci/run)' }, () => {
  let cluster: PgCluster | undefined;
  let server: ServerProcess | undefined;
  after(async () => {
    await server?.kill();
    cluster?.destroy();
  });

  test('calls get MK 098 during the outage (no hang, no crash) and recover by themselves', async () => {
    cluster = await PgCluster.create();
    const url = await freshPostgresUrl(cluster.url);
    await seedSmallDemo(url);
    server = await ServerProcess.start(url);
    const token = await server.demoToken();
    const lookup = () => (server as ServerProcess).mk('WSMKConsultaDoc', { token, doc: '52998224725' }, 8_000);
    assert.equal((await lookup()).body.status, 'OK');

    cluster.stop('immediate');
    for (let i = 0; i < 3; i++) {
      const during = await lookup();
      assert.equal(during.body.status, 'ERRO');
      assert.equal(during.body['Num. ERRO'], '098', JSON.stringify(during.body));
    }
    // A throttled credential check answers 098 too, whether or not its throttle listener has noticed yet.
    const login = await server.mk('WSAutenticacao', { token: 'demo-token', password: 'demo1234', cd_servico: 9999 }, 8_000);
    assert.equal(login.body['Num. ERRO'], '098', JSON.stringify(login.body));
    assert.equal((await fetch(`${server.base}/health`)).status, 200, 'the process is alive');

    cluster.start();
    const deadline = Date.now() + 20_000;
    let last: unknown;
    while (Date.now() < deadline) {
      const res = await lookup();
      if (res.body.status === 'OK') {
        assert.equal(typeof (await server.demoToken()), 'string', 'credential checks recover too');
        return;
      }
      last = res.body;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.fail(`calls did not recover after PostgreSQL came back: ${JSON.stringify(last)}`);
  });
});
