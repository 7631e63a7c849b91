import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { likeContains, peopleQuery } from '../../../src/modules/customers/customers.repository.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCustomer, createWorld, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConsultaNome (cd_servico 17)', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db, { services: [17] });
    w = await createWorld(t.db);
  });
  after(async () => t.close());

  test('substring of name or trade name, accents and case ignored, ordered by name, person keys', async () => {
    const base = { companyId: w.company.id, streetId: w.place.streetId };
    const b = await createCustomer(t.db, { ...base, name: 'JOÃO CONCEIÇÃO' });
    const a = await createCustomer(t.db, { ...base, name: 'ANA CONCEICAO' });
    const pj = await createCustomer(t.db, { ...base, name: 'PADARIA LTDA', tradeName: 'Pão da Conceição', personType: 'company' });
    await createCustomer(t.db, { ...base, name: 'PEDRO SOUZA' });
    const res = await mk(t.app, 'WSMKConsultaNome', { token, nome: 'conceiçao' });
    assert.deepEqual(res.body.Pessoas.map((p: { CodigoPessoa: number }) => p.CodigoPessoa), [a.id, b.id, pj.id]);
    assert.equal(res.body.Limite, 50);
    assert.equal(res.body.Truncado, 'Não');
    assert.deepEqual(Object.keys(res.body.Pessoas[0]), ['CEP', 'CodigoPessoa', 'Email', 'Endereco', 'Fone', 'Latitude', 'Longitude', 'Nome', 'Situacao']);
  });

  test('no match → OK with an empty list; LIKE wildcards in the input match literally', async () => {
    const res = await mk(t.app, 'WSMKConsultaNome', { token, nome: 'zzzqqq' });
    assert.deepEqual(res.body, { Limite: 50, Pessoas: [], Truncado: 'Não', status: 'OK' });
    const wild = await mk(t.app, 'WSMKConsultaNome', { token, nome: '%%%' });
    assert.deepEqual(wild.body.Pessoas, []);
  });

  test('fewer than 3 letters → 005; missing → 006; over-long → 005', async () => {
    assert.equal((await mk(t.app, 'WSMKConsultaNome', { token, nome: 'ab' })).body['Num. ERRO'], '005');
    assert.equal((await mk(t.app, 'WSMKConsultaNome', { token })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKConsultaNome', { token, nome: 'a'.repeat(151) })).body['Num. ERRO'], '005');
  });

  test('bounded: 50 rows and Truncado Sim when more match', async () => {
    await t.db
      .insertInto('customers')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          company_id: w.company.id, person_type: 'pre_registration', name: `HOMONIMO SILVEIRA ${i}`, street_id: w.place.streetId, address_number: '1', cep: '86200000',
        })),
      )
      .execute();
    const res = await mk(t.app, 'WSMKConsultaNome', { token, nome: 'homonimo silveira' });
    assert.equal(res.body.Pessoas.length, 50);
    assert.equal(res.body.Truncado, 'Sim');
  });

  test('EXPLAIN: with 2000+ customers the name search uses the trigram index, no Seq Scan on customers', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      company_id: w.company.id, person_type: 'pre_registration', name: `CLIENTE ${i.toString(36).toUpperCase()} ${['SANTOS', 'OLIVEIRA', 'PEREIRA', 'LIMA'][i % 4]} ${i}`, street_id: w.place.streetId, address_number: String(i + 1), cep: '86200000',
    }));
    for (let i = 0; i < rows.length; i += 500) await t.db.insertInto('customers').values(rows.slice(i, i + 500)).execute();
    await sql`analyze customers`.execute(t.db);
    // The repository's own query, as the endpoints run it (joins, sub-selects, order, limit).
    const plan = await peopleQuery(t.db, { namePattern: likeContains('xavier'), order: 'name', limit: 51 }).explain();
    const text = plan.map((r) => String(r['QUERY PLAN'])).join('\n');
    console.log(`EXPLAIN name search:\n${text}`);
    assert.doesNotMatch(text, /Seq Scan on customers/);
    assert.match(text, /customers_name_trgm_idx/);
    const found = await mk(t.app, 'WSMKConsultaNome', { token, nome: 'oliveira 1' });
    assert.ok(found.body.Pessoas.length > 0);
  });
});
