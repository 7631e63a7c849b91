import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCustomer, createNeighbourhood, createPlace, createStreet, createWorld, ownModules } from '../../support/factories/customers.ts';
import { core } from '../../support/mk-client.ts';

describe('core-api PUT /pessoas', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
  });
  after(async () => t.close());

  const fresh = () => createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, addressNumber: '10' });
  const put = (body: Record<string, unknown>) => core(t.app, 'PUT', '/pessoas', { token }, { body });

  test('scalar fields: phone, e-mail, birth date; answers the updated person; audit row', async () => {
    const c = await fresh();
    const res = await put({ id: c.id, fone: '51999999999', email: 'novo@example.com', nascimento: '1991-06-04' });
    assert.deepEqual([res.body.fone, res.body.email, res.body.nascimento], ['51999999999', 'novo@example.com', '1991-06-04']);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'customer').where('entity_id', '=', String(c.id)).execute();
    assert.deepEqual(audit, [{ action: 'update' }]);
  });

  test('a new CEP changes only the CEP', async () => {
    const c = await fresh();
    const res = await put({ id: c.id, cep: '99999-000' });
    assert.deepEqual([res.body.cep, res.body.logradouroId, res.body.numero], ['99999000', w.place.streetId, 10]);
  });

  test('address chain: estado ⇒ cidade ⇒ bairro ⇒ logradouro (006 naming the next), then a consistent change', async () => {
    const c = await fresh();
    const other = await createPlace(t.db, { stateId: 25 });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ estadoId: 25 }, /cidadeId/],
      [{ estadoId: 25, cidadeId: other.cityId }, /bairroId/],
      [{ estadoId: 25, cidadeId: other.cityId, bairroId: other.neighbourhoodId }, /logradouroId/],
      [{ estadoCobrancaId: 25 }, /cidadeCobrancaId/],
    ];
    for (const [extra, text] of cases) {
      const res = await put({ id: c.id, ...extra });
      assert.equal(res.body['Num. ERRO'], '006', JSON.stringify(extra));
      assert.match(res.body.Mensagem, text);
    }
    const ok = await put({ id: c.id, estadoId: 25, cidadeId: other.cityId, bairroId: other.neighbourhoodId, logradouroId: other.streetId, numero: '77' });
    assert.deepEqual([ok.body.estadoId, ok.body.cidadeId, ok.body.bairroId, ok.body.logradouroId, ok.body.numero], [25, other.cityId, other.neighbourhoodId, other.streetId, 77]);
  });

  test('same-value levels do not count as changes; a street of another neighbourhood is refused', async () => {
    const c = await fresh();
    const sameBairro = await createStreet(t.db, w.place.neighbourhoodId);
    const ok = await put({ id: c.id, estadoId: w.place.stateId, logradouroId: sameBairro.id });
    assert.equal(ok.body.logradouroId, sameBairro.id);
    const n2 = await createNeighbourhood(t.db, w.place.cityId);
    const elsewhere = await createStreet(t.db, n2.id);
    const bad = await put({ id: c.id, bairroId: w.place.neighbourhoodId, logradouroId: elsewhere.id });
    assert.equal(bad.body['Num. ERRO'], '005');
    const row = await t.db.selectFrom('customers').select('street_id').where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(row.street_id, sameBairro.id);
  });

  test('billing: starts from the installation address when none is set', async () => {
    const c = await fresh();
    const s = await createStreet(t.db, w.place.neighbourhoodId);
    const res = await put({ id: c.id, logradouroCobrancaId: s.id });
    assert.deepEqual([res.body.logradouroCobrancaId, res.body.numeroCobranca, res.body.cepCobranca, res.body.logradouroId], [s.id, 10, '86200000', w.place.streetId]);
  });

  test('errors: unknown id → 003, nothing to change → 006, tipo against the document → 005; nothing written', async () => {
    const c = await fresh();
    assert.equal((await put({ id: 999_999, fone: '51999999999' })).body['Num. ERRO'], '003');
    assert.equal((await put({ id: c.id })).body['Num. ERRO'], '006');
    assert.equal((await put({ id: c.id, tipo: '2' })).body['Num. ERRO'], '005');
    assert.equal((await put({ id: c.id, fone: '12', email: 'x@y.com' })).body['Num. ERRO'], '005');
    assert.equal((await put({ id: c.id, classificacao: 999_999 })).body['Num. ERRO'], '005');
    const audits = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'customer').where('entity_id', '=', String(c.id)).execute();
    assert.equal(audits.length, 0);
    const emails = await t.db.selectFrom('customer_emails').select('email').where('customer_id', '=', c.id).execute();
    assert.ok(!emails.some((e) => e.email === 'x@y.com'));
  });
});
