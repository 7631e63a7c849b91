import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { writeAudit } from '../../../src/db/audit.ts';
import { withTransaction } from '../../../src/db/transaction.ts';
import { defineMkEndpoint } from '../../../src/http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../src/http/mk/mk-errors.ts';
import { mkParam } from '../../../src/http/mk/params.ts';
import { authModule } from '../../../src/modules/auth/index.ts';
import type { Module } from '../../../src/modules/module.ts';
import { createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';

// A protected write probe (cd_servico 6): writes an audit row tagged `tag`, then fails when
// asked to: `fail=before` (business rule, nothing written), `fail=inside` (the write's
// transaction rolls back) or `fail=after` (the write is committed, then the call fails).
const writeProbe = defineMkEndpoint({
  id: 'WSMKConsultaDoc',
  service: 6,
  query: Type.Object({ tag: mkParam.text(40), fail: Type.Optional(mkParam.text(10)) }),
  response: Type.Object({}),
  async handler({ params, deps }) {
    if (params.fail === 'before') throw new MkError('conflict', 'Regra de negócio.');
    await withTransaction(deps.db, async (tx) => {
      await writeAudit(tx, { actor: 'test', action: 'probe_write', entity: 'probe', entityId: params.tag });
      if (params.fail === 'inside') throw new MkError('conflict', 'Falhou na escrita.');
    });
    if (params.fail === 'after') throw new MkError('conflict', 'Falhou depois da escrita.');
    return { Gravado: params.tag };
  },
});
const probe: Module = { name: 'write-probe', endpoints: [writeProbe] };

describe('single-use tokens are spent only by a successful call, with its write', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, probe] });
  });
  after(async () => t.close());

  async function singleUseToken(): Promise<{ token: string; profileId: number }> {
    const a = await createAccess(t.db, { singleUse: true, services: [6] });
    const res = await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: a.contraSenha, cd_servico: 6 });
    return { token: res.body.Token, profileId: a.profileId };
  }
  const usedAt = async (profileId: number) =>
    (await t.db.selectFrom('ws_sessions').select('used_at').where('profile_id', '=', profileId).executeTakeFirstOrThrow()).used_at;
  const rows = async (tag: string) =>
    (await t.db.selectFrom('audit_log').select('id').where('action', '=', 'probe_write').where('entity_id', '=', tag).execute()).length;

  test('a call refused by parameter validation (006) or a business rule (008) does not spend the token', async () => {
    const { token, profileId } = await singleUseToken();
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token, tag: 'r1', fail: 'before' })).body['Num. ERRO'], '008');
    assert.equal(await usedAt(profileId), null);
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token, tag: 'r1' })).body.status, 'OK');
    assert.ok((await usedAt(profileId)) instanceof Date);
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token, tag: 'r1' })).body.CodToken, '001');
    assert.equal(await rows('r1'), 1);
  });

  test('a write that rolls back leaves the token unspent', async () => {
    const { token, profileId } = await singleUseToken();
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token, tag: 'r2', fail: 'inside' })).body['Num. ERRO'], '008');
    assert.equal(await usedAt(profileId), null);
    assert.equal(await rows('r2'), 0);
  });

  test('the spend commits with the write: a failure after a committed write still spends it', async () => {
    const { token, profileId } = await singleUseToken();
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token, tag: 'r3', fail: 'after' })).body['Num. ERRO'], '008');
    assert.equal(await rows('r3'), 1);
    assert.ok((await usedAt(profileId)) instanceof Date);
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token, tag: 'r3' })).body.CodToken, '001');
  });

  test('20 concurrent write calls with one token: exactly one answers OK and exactly one write is kept', async () => {
    const { token } = await singleUseToken();
    const results = await Promise.all(Array.from({ length: 20 }, () => mk(t.app, 'WSMKConsultaDoc', { token, tag: 'r4' })));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 1);
    for (const r of results.filter((x) => x.body.status !== 'OK')) assert.equal(r.body.CodToken, '001', JSON.stringify(r.body));
    assert.equal(await rows('r4'), 1);
  });
});
