import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCompany } from '../../support/factories/customers.ts';
import { createServiceWorld, createSubscriber, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { core } from '../../support/mk-client.ts';

describe('core-api POST /atendimentos', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  const post = (body: Record<string, unknown>) =>
    core(t.app, 'POST', '/atendimentos', { token }, { body: { processoId: w.rootProcess, classificacaoId: w.openClass, infoCliente: 'Lentidão à noite', ...body } });

  test('JSON body: opens the ticket with the NovoAtendimento rules and answers camelCase', async () => {
    const s = await createSubscriber(t.db, w);
    const res = await post({ pessoaId: s.customer.id, contratoId: s.contract.id, empresaId: w.company.id });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, {
      conexaoId: s.connections[0],
      contratoId: s.contract.id,
      empresaId: w.company.id,
      id: res.body.id,
      pessoaId: s.customer.id,
      protocolo: res.body.protocolo,
    });
    assert.match(res.body.protocolo, /^2611\.\d+$/);
    const row = await t.db.selectFrom('tickets').select(['description', 'connection_id']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    assert.equal(row.description, 'Lentidão à noite');
  });

  test('conexaoId must be the contract\'s; empresaId must exist and be the contract\'s company; required fields → 006', async () => {
    const s = await createSubscriber(t.db, w, { connections: 2 });
    const chosen = await post({ pessoaId: s.customer.id, contratoId: s.contract.id, empresaId: w.company.id, conexaoId: s.connections[1] });
    assert.equal(chosen.body.conexaoId, s.connections[1]);
    const other = await createSubscriber(t.db, w);
    const wrongConn = await post({ pessoaId: s.customer.id, contratoId: s.contract.id, empresaId: w.company.id, conexaoId: other.connections[0] });
    assert.deepEqual([wrongConn.http, wrongConn.body['Num. ERRO']], [400, '005']);
    const otherCompany = await createCompany(t.db, w.place.streetId);
    const wrongCompany = await post({ pessoaId: s.customer.id, contratoId: s.contract.id, empresaId: otherCompany.id });
    assert.match(wrongCompany.body.Mensagem, /empresaId/);
    assert.equal((await post({ pessoaId: s.customer.id, contratoId: s.contract.id, empresaId: 999_999 })).body['Num. ERRO'], '005');
    assert.equal((await post({ pessoaId: s.customer.id, empresaId: w.company.id })).body['Num. ERRO'], '006');
    const closing = await post({ pessoaId: s.customer.id, contratoId: s.contract.id, empresaId: w.company.id, classificacaoId: w.closingClass });
    assert.match(closing.body.Mensagem, /classificacaoId/);
  });
});
