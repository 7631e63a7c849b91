import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCustomer, createPlace, createWorld, ownModules, uniqueCnpj, uniqueCpf } from '../../support/factories/customers.ts';
import { core } from '../../support/mk-client.ts';

const customerCount = async (db: Db) =>
  Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('core-api POST /pessoas', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let classificationId: number;
  const body = (extra: Record<string, unknown> = {}) => ({
    nome: 'Carlos Pereira',
    cpf: uniqueCpf(),
    email: 'carlos@example.com',
    classificacao: classificationId,
    nascimento: '1985-02-20',
    tipo: '1',
    fone: '43999990000',
    estadoId: w.place.stateId,
    bairroId: w.place.neighbourhoodId,
    logradouroId: w.place.streetId,
    numero: '45',
    cep: '86200000',
    ...extra,
  });
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
    classificationId = (await t.db.insertInto('customer_classifications').values({ name: 'Residencial' }).returning('id').executeTakeFirstOrThrow()).id;
  });
  after(async () => t.close());

  test('creates and answers the person as GET /pessoas/id; audit row', async () => {
    const b = body();
    const res = await core(t.app, 'POST', '/pessoas', { token }, { body: b });
    assert.equal(res.http, 200, JSON.stringify(res.body));
    assert.equal(res.body.cpf, b.cpf);
    assert.equal(res.body.classificacao, 'Residencial');
    assert.equal(res.body.nascimento, '1985-02-20');
    assert.equal(res.body.logradouroCobrancaId, w.place.streetId);
    const get = await core(t.app, 'GET', '/pessoas/id', { token, id: res.body.id });
    assert.deepEqual(get.body, res.body);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'customer').where('entity_id', '=', String(res.body.id)).execute();
    assert.deepEqual(audit, [{ action: 'create' }]);
  });

  test('billing address: lower-case keys as documented; all three of logradouro/numero/cep required', async () => {
    const other = await createPlace(t.db);
    const ok = await core(t.app, 'POST', '/pessoas', { token }, {
      body: body({ estadocobrancaId: other.stateId, bairroCobrancaId: other.neighbourhoodId, logradouroCobrancaId: other.streetId, numerocobranca: '9', cepCobranca: '86200999' }),
    });
    assert.deepEqual([ok.body.logradouroCobrancaId, ok.body.numeroCobranca, ok.body.cepCobranca], [other.streetId, 9, '86200999']);
    const partial = await core(t.app, 'POST', '/pessoas', { token }, { body: body({ logradouroCobrancaId: other.streetId }) });
    assert.equal(partial.body['Num. ERRO'], '006');
    assert.match(partial.body.Mensagem, /numerocobranca/);
  });

  test('duplicate document → 409 / 009; nothing written', async () => {
    const doc = uniqueCpf();
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, document: doc });
    const before = await customerCount(t.db);
    const res = await core(t.app, 'POST', '/pessoas', { token }, { body: body({ cpf: doc }) });
    assert.equal(res.http, 409);
    assert.equal(res.body['Num. ERRO'], '009');
    assert.equal(await customerCount(t.db), before);
  });

  test('errors name the parameter and write nothing', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ classificacao: 999_999 }, '005', /classificacao/],
      [{ tipo: '2' }, '005', /tipo/],
      [{ tipo: '4' }, '005', /tipo/],
      [{ cpf: uniqueCnpj(), tipo: '1' }, '005', /tipo/],
      [{ estadoId: 25 }, '005', /estadoId|bairroId|logradouroId/],
      [{ logradouroId: 'rua' }, '005', /logradouroId/],
      [{ nascimento: '1985-13-01' }, '005', /nascimento/],
      [{ nascimento: undefined }, '006', /nascimento/],
      [{ cpf: '00000000000' }, '005', /cpf/],
    ];
    const before = await customerCount(t.db);
    for (const [extra, code, text] of cases) {
      const res = await core(t.app, 'POST', '/pessoas', { token }, { body: body(extra) });
      assert.equal(res.body['Num. ERRO'], code, `${JSON.stringify(extra)} → ${JSON.stringify(res.body)}`);
      assert.match(res.body.Mensagem, text);
    }
    assert.equal(await customerCount(t.db), before);
  });
});
