import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { contractModules } from '../../support/factories/contracts.ts';
import { createContract, createCustomer, createWorld, uniqueCpf } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

const ITEM_KEYS = ['adesao', 'cd_empresa', 'codcontrato', 'codpessoa', 'nome_empresa', 'plano_acesso', 'previsao_vencimento', 'status_contrato', 'valor'];

describe('WSMKconsultaContratoDoc', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  const doc = uniqueCpf();
  let main: { id: number };
  let second: { id: number };
  let k1: { id: number };
  let k2: { id: number };
  let k3: { id: number };
  before(async () => {
    t = await buildTestApp({ modules: contractModules() });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
    const base = { companyId: w.company.id, streetId: w.place.streetId, document: doc };
    main = await createCustomer(t.db, { ...base, name: 'TITULAR', sacLogin: `sac${doc}`, sacPassword: 'segredo123', createdAt: new Date('2021-01-01T12:00:00Z') });
    second = await createCustomer(t.db, { ...base, name: 'TITULAR 2', createdAt: new Date('2023-01-01T12:00:00Z') });
    k1 = await createContract(t.db, main, w.company.id, { status: 'active' });
    k2 = await createContract(t.db, main, w.company.id, { status: 'cancelled', connection: 'none' });
    k3 = await createContract(t.db, second, w.company.id, { status: 'active', connection: 'none' });
  });
  after(async () => t.close());

  test('contracts of every registration of the document, the main registration at top level', async () => {
    const formatted = `${doc.slice(0, 3)}.${doc.slice(3, 6)}.${doc.slice(6, 9)}-${doc.slice(9)}`;
    const res = await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc: formatted });
    assert.equal(res.http, 200);
    assert.deepEqual(Object.keys(res.body), ['CodigoPessoa', 'Contratos', 'Nome', 'status']);
    assert.deepEqual([res.body.CodigoPessoa, res.body.Nome], [main.id, 'TITULAR']);
    assert.deepEqual(
      res.body.Contratos.map((k: { codcontrato: number; codpessoa: number; status_contrato: string }) => [k.codcontrato, k.codpessoa, k.status_contrato]),
      [
        [k1.id, main.id, 'Ativo'],
        [k2.id, main.id, 'Cancelado'],
        [k3.id, second.id, 'Ativo'],
      ],
    );
    const first = res.body.Contratos[0];
    assert.deepEqual(Object.keys(first), ITEM_KEYS);
    assert.equal(first.valor, 99.9);
    assert.equal(first.adesao, '2026-03-01');
    assert.equal(first.previsao_vencimento, '10/12/2026');
  });

  test('with SAC credentials of a registration of that document: the same answer', async () => {
    const res = await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc, user_sac: `SAC${doc}`, pass_sac: 'segredo123' });
    assert.equal(res.body.status, 'OK');
    assert.equal(res.body.Contratos.length, 3);
  });

  test('wrong SAC password, or a valid login of another document → 007; only one of the two → 006', async () => {
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc, user_sac: `sac${doc}`, pass_sac: 'errada' })).body, '007'));
    const otherDoc = uniqueCpf();
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, document: otherDoc, sacLogin: `sac${otherDoc}`, sacPassword: 'outra1234' });
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc, user_sac: `sac${otherDoc}`, pass_sac: 'outra1234' })).body, '007'));
    const onlyUser = await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc, user_sac: `sac${doc}` });
    assert.ok(isMkErrorBody(onlyUser.body, '006'));
    assert.match(onlyUser.body.Mensagem, /pass_sac/);
  });

  test('unknown document → 003 (3 keys); bad check digits → 005; missing → 006', async () => {
    const res = await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc: uniqueCpf() });
    assert.ok(isMkErrorBody(res.body, '003'));
    assert.equal(Object.keys(res.body).length, 3);
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc: '52998224724' })).body, '005'));
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKconsultaContratoDoc', { token })).body, '006'));
  });

  test('repeated wrong SAC passwords from one IP are throttled (011)', async () => {
    let last: { body: { 'Num. ERRO'?: string } } | undefined;
    for (let i = 0; i < 11; i++) {
      last = await mk(t.app, 'WSMKconsultaContratoDoc', { token, doc, user_sac: `sac${doc}`, pass_sac: `errada${i}` }, { ip: '10.9.9.9' });
    }
    assert.equal(last?.body['Num. ERRO'], '011');
  });
});
