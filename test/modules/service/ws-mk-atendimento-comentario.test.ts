import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, createSubscriber, createTicket, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKAtendimentoComentario', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  let ticketId: number;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
    const s = await createSubscriber(t.db, w);
    ticketId = (await createTicket(t.db, w, s.customer.id)).id;
  });
  after(async () => t.close());

  const comment = (params: Record<string, string | number | undefined>) => mk(t.app, 'WSMKAtendimentoComentario', { token, cd_atendimento: ticketId, ...params });
  const comments = () => t.db.selectFrom('ticket_comments').select(['body', 'visibility', 'operator_id']).where('ticket_id', '=', ticketId).orderBy('id').execute();

  test('adds a private comment by default, public with tipo=2, by the user operator', async () => {
    const res = await comment({ comentario: 'testeAPI' });
    assert.deepEqual(res.body, { CodigoAtendimento: ticketId, Comentario: 'testeAPI', status: 'OK' });
    assert.equal(res.raw, `{"CodigoAtendimento":${ticketId},"Comentario":"testeAPI","status":"OK"}`);
    await comment({ comentario: 'Técnico a caminho', tipo: 2, user: w.operator.login });
    const rows = await comments();
    assert.deepEqual(rows.slice(-2).map((r) => r.visibility), ['private', 'public']);
    assert.equal(rows.at(-1)?.operator_id, w.operator.id);
    assert.equal(rows.at(-1)?.body, 'Técnico a caminho');
  });

  test('unknown or closed ticket → 003 "Dados não localizados." (exact 3-key body)', async () => {
    const expected = { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' };
    assert.deepEqual((await comment({ cd_atendimento: 999_999, comentario: 'x' })).body, expected);
    const s = await createSubscriber(t.db, w);
    const closed = await createTicket(t.db, w, s.customer.id, { status: 'closed' });
    assert.deepEqual((await comment({ cd_atendimento: closed.id, comentario: 'x' })).body, expected);
  });

  test('user must be a known operator; tipo only 1 or 2; comentario required', async () => {
    const before = (await comments()).length;
    const unknownUser = await comment({ comentario: 'x', user: 'fulano' });
    assert.deepEqual([unknownUser.body['Num. ERRO'], /user/.test(unknownUser.body.Mensagem)], ['005', true]);
    assert.equal((await comment({ comentario: 'x', tipo: 3 })).body['Num. ERRO'], '005');
    assert.equal((await comment({})).body['Num. ERRO'], '006');
    assert.equal((await comments()).length, before);
  });

  test('300 characters after HTML-entity encoding: 300 ASCII pass, 301 fail, 38 accented letters (304 encoded) fail', async () => {
    assert.equal((await comment({ comentario: 'a'.repeat(300) })).body.status, 'OK');
    const long = await comment({ comentario: 'a'.repeat(301) });
    assert.equal(long.body['Num. ERRO'], '005');
    assert.match(long.body.Mensagem, /comentario/);
    assert.equal((await comment({ comentario: 'Á'.repeat(38) })).body['Num. ERRO'], '005');
    assert.equal((await comment({ comentario: 'Á'.repeat(37) })).body.status, 'OK');
    assert.equal((await comment({ comentario: '&'.repeat(61) })).body['Num. ERRO'], '005');
  });
});
