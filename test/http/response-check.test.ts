import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../src/http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../src/http/mk/params.ts';
import { wireDate } from '../../src/http/wire-schemas.ts';
import { authModule } from '../../src/modules/auth/index.ts';
import { tokenFor } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { mk } from '../support/mk-client.ts';

// A probe endpoint (borrowing a catalog id inside this test app only) whose body drifts from
// its declared schema on request.
const probe = defineMkEndpoint({
  id: 'WSMKConsultaDoc',
  service: 6,
  query: Type.Object({ nome: mkParam.text(20) }),
  response: Type.Object({ Nome: Type.String(), Vencimento: wireDate(), status: Type.Literal('OK') }),
  async handler({ params }) {
    switch (params.nome) {
      case 'numero':
        return { Nome: 42, Vencimento: '05/12/2026' };
      case 'sem-chave':
        return { Vencimento: '05/12/2026' };
      case 'data-iso':
        return { Nome: 'JOÃO', Vencimento: '2026-12-05' };
      default:
        return { Nome: 'JOÃO', Vencimento: '05/12/2026' };
    }
  },
});

describe('checkResponses: success bodies must match the declared response schema', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, { name: 'probe', endpoints: [probe] }] });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('a matching body (after the MK envelope adds status) is sent', async () => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, nome: 'ok' });
    assert.deepEqual(res.body, { Nome: 'JOÃO', Vencimento: '05/12/2026', status: 'OK' });
  });

  for (const [nome, path] of [
    ['numero', '/Nome'],
    ['sem-chave', '/Nome'],
    ['data-iso', '/Vencimento'],
  ] as const) {
    test(`a drifted body (${nome}) becomes 099 and names the endpoint and the key`, async () => {
      const lines: string[] = [];
      const app = await buildTestApp({ modules: [authModule, { name: 'probe', endpoints: [probe] }], logLines: lines });
      try {
        const tk = await tokenFor(app.db);
        const res = await mk(app.app, 'WSMKConsultaDoc', { token: tk, nome });
        assert.equal(res.body['Num. ERRO'], '099');
        assert.equal(res.body.status, 'ERRO');
        const logged = lines.join('\n');
        assert.match(logged, /response of WSMKConsultaDoc does not match its declared schema/);
        assert.ok(logged.includes(`${path}:`), logged);
      } finally {
        await app.close();
      }
    });
  }
});
