import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { contractModules } from '../../support/factories/contracts.ts';
import { createContract, createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

describe('WSMKAceiteContratualPendente', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let terms: number[];
  before(async () => {
    t = await buildTestApp({ modules: contractModules() });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
    terms = [];
    for (const title of ['Contrato de prestação de serviço', 'Termo de fidelidade']) {
      terms.push((await t.db.insertInto('acceptance_terms').values({ company_id: w.company.id, title, body: `${title}…`, version: 2 }).returning('id').executeTakeFirstOrThrow()).id);
    }
  });
  after(async () => t.close());

  const contractWith = async (o: { signedOn: string; status?: 'active' | 'cancelled' | 'awaiting_activation'; accepted?: boolean[] }) => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, name: `CLIENTE ${o.signedOn}` });
    const k = await createContract(t.db, c, w.company.id, { status: o.status ?? 'active', connection: 'none' });
    await t.db.updateTable('contracts').set({ signed_on: o.signedOn }).where('id', '=', k.id).execute();
    for (const [i, termId] of terms.entries()) {
      const accepted = o.accepted?.[i] ?? false;
      await t.db
        .insertInto('contract_acceptances')
        .values({ contract_id: k.id, acceptance_term_id: termId, status: accepted ? 'accepted' : 'pending', accepted_at: accepted ? new Date('2026-11-20T12:00:00Z') : null, channel: accepted ? 'sac' : null })
        .execute();
    }
    return { c, k };
  };

  test('one item per pending term of contracts signed on data_adesao; accepted terms, other days and cancelled contracts left out', async () => {
    const a = await contractWith({ signedOn: '2026-11-20', accepted: [false, true] });
    const b = await contractWith({ signedOn: '2026-11-20', status: 'awaiting_activation' });
    await contractWith({ signedOn: '2026-11-20', status: 'cancelled' });
    await contractWith({ signedOn: '2026-11-21' });
    await contractWith({ signedOn: '2026-11-20', accepted: [true, true] });
    const res = await mk(t.app, 'WSMKAceiteContratualPendente', { token, data_adesao: '2026-11-20' });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, {
      AceitesPendentes: [
        { adesao: '2026-11-20', codcontrato: a.k.id, codpessoa: a.c.id, codtermo: terms[0], nome: a.c.name, titulo: 'Contrato de prestação de serviço', versao: 2 },
        { adesao: '2026-11-20', codcontrato: b.k.id, codpessoa: b.c.id, codtermo: terms[0], nome: b.c.name, titulo: 'Contrato de prestação de serviço', versao: 2 },
        { adesao: '2026-11-20', codcontrato: b.k.id, codpessoa: b.c.id, codtermo: terms[1], nome: b.c.name, titulo: 'Termo de fidelidade', versao: 2 },
      ],
      status: 'OK',
    });
  });

  test('ISO dates accepted too; a day without pending terms → OK with []', async () => {
    const res = await mk(t.app, 'WSMKAceiteContratualPendente', { token, data_adesao: '2026-11-21' });
    assert.equal(res.body.AceitesPendentes.length, 2);
    assert.deepEqual((await mk(t.app, 'WSMKAceiteContratualPendente', { token, data_adesao: '01/01/2020' })).body, { AceitesPendentes: [], status: 'OK' });
  });

  test('missing data_adesao → 006; impossible date → 005', async () => {
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKAceiteContratualPendente', { token })).body, '006'));
    const bad = await mk(t.app, 'WSMKAceiteContratualPendente', { token, data_adesao: '31/02/2026' });
    assert.ok(isMkErrorBody(bad.body, '005'));
    assert.match(bad.body.Mensagem, /data_adesao/);
  });
});
