import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  getBoletoInfo, getMunicipalityByCode, isValidBoleto, isValidCnpj, isValidCpf, isValidPixPayload,
} from '@brazilian-utils/brazilian-utils';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { DOMAIN_TABLES } from '../../src/db/seed/domain/batch.ts';
import { DEMO_CUSTOMERS, seedDomain } from '../../src/db/seed/domain/index.ts';
import { RowWriter } from '../../src/db/seed/domain/row-writer.ts';
import { verifyPassword } from '../../src/lib/password.ts';
import { freshDatabase } from '../support/test-db.ts';

const NOW = new Date('2026-06-15T13:00:00Z');
const TODAY = '2026-06-15';
const OPTIONS = { customers: 200, seed: 7, now: NOW };

let db: Db;
let counts: Record<string, number>;

before(async () => {
  db = await freshDatabase();
  counts = await seedDomain(db, OPTIONS);
});

after(async () => {
  await db?.destroy();
});

/** CRC-16/CCITT-FALSE, written here independently of src/lib. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** FEBRABAN general check digit of a 44-digit barcode (modulo 11, weights 2..9). */
function barcodeCheckDigit(barcode: string): number {
  const body = barcode.slice(0, 4) + barcode.slice(5);
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  return dv === 0 || dv === 10 || dv === 11 ? 1 : dv;
}

async function dump(database: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of DOMAIN_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database);
    out[table] = rows
      .map((row) => {
        const { sac_password_hash: _salted, ...rest } = row;
        return JSON.stringify(rest, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value));
      })
      .sort();
  }
  return out;
}

describe('demo seed', () => {
  test('every domain table gets rows, and the counts returned match the database', async () => {
    for (const table of [...DOMAIN_TABLES, 'states', 'plan_types', 'payment_methods', 'contact_origins'] as const) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
      const n = rows[0]?.n ?? 0;
      assert.ok(n > 0, `${table} is empty`);
      if (table in counts) assert.equal(n, counts[table], `count reported for ${table}`);
    }
    assert.equal(counts.customers, 200);
  });

  test('every barcode and linha digitável passes an independent check, and matches its invoice', async () => {
    const invoices = await db.selectFrom('invoices').select(['id', 'barcode', 'digitable_line', 'amount_cents', 'due_date']).execute();
    assert.ok(invoices.length > 1000);
    for (const inv of invoices) {
      assert.ok(inv.barcode && inv.digitable_line, `invoice ${inv.id} has no boleto`);
      assert.ok(isValidBoleto(inv.digitable_line), `linha of invoice ${inv.id}: ${inv.digitable_line}`);
      assert.equal(Number(inv.barcode[4]), barcodeCheckDigit(inv.barcode), `barcode DV of invoice ${inv.id}`);
      const line = inv.digitable_line;
      const rebuilt = line.slice(0, 4) + line[32] + line.slice(33) + line.slice(4, 9) + line.slice(10, 20) + line.slice(21, 31);
      assert.equal(rebuilt, inv.barcode, `linha and barcode of invoice ${inv.id} disagree`);
      const info = getBoletoInfo(line, { referenceDate: NOW });
      assert.equal(info?.amount, inv.amount_cents);
      assert.equal(info?.expirationDate?.toISOString().slice(0, 10), inv.due_date);
    }
  });

  test('every PIX payload is a valid BR Code whose CRC16 verifies', async () => {
    const rows = await db.selectFrom('invoices').select(['id', 'pix_payload', 'amount_cents']).where('pix_payload', 'is not', null).execute();
    assert.ok(rows.length > 500);
    for (const { id, pix_payload: payload, amount_cents: amount } of rows) {
      assert.ok(payload && isValidPixPayload(payload), `PIX payload of invoice ${id}`);
      assert.equal(payload.slice(-4), crc16(payload.slice(0, -4)), `CRC of invoice ${id}`);
      assert.ok(payload.includes(`54${String((amount / 100).toFixed(2).length).padStart(2, '0')}${(amount / 100).toFixed(2)}`));
    }
  });

  test('customer 1 (CPF 52998224725) has an active contract, a connection and an overdue plus a coming invoice', async () => {
    const spec = DEMO_CUSTOMERS.individual;
    const maria = await db.selectFrom('customers').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    assert.equal(maria.document, spec.document);
    assert.equal(maria.name, spec.name);
    assert.equal(maria.status, 'active');
    assert.equal(maria.sac_login, spec.sacLogin);
    assert.ok(maria.sac_password_hash && (await verifyPassword(spec.sacPassword, maria.sac_password_hash)));
    const contracts = await db.selectFrom('contracts').select(['id', 'status']).where('customer_id', '=', 1).execute();
    assert.ok(contracts.some((k) => k.status === 'active'));
    const connections = await db.selectFrom('connections').selectAll().where('customer_id', '=', 1).execute();
    assert.ok(connections.some((c) => c.username === spec.username && !c.blocked));
    const open = await db.selectFrom('invoices').select(['due_date']).where('customer_id', '=', 1).where('status', '=', 'open').execute();
    assert.ok(open.length >= 2);
    assert.ok(open.some((i) => i.due_date < TODAY), 'one open invoice is overdue');
    assert.ok(open.some((i) => i.due_date >= TODAY), 'one open invoice is not due yet');
  });

  test('customer 2 (CNPJ 11222333000181) is a company with a contract', async () => {
    const company = await db.selectFrom('customers').selectAll().where('id', '=', 2).executeTakeFirstOrThrow();
    assert.equal(company.document, DEMO_CUSTOMERS.company.document);
    assert.equal(company.person_type, 'company');
    const contracts = await db.selectFrom('contracts').select('status').where('customer_id', '=', 2).execute();
    assert.ok(contracts.some((k) => k.status === 'active'));
  });

  test('documents are valid CPFs/CNPJs and cities carry their real IBGE codes', async () => {
    const customers = await db.selectFrom('customers').select(['document', 'person_type']).where('document', 'is not', null).execute();
    for (const { document, person_type: type } of customers) {
      const doc = document as string;
      if (doc.length === 11) assert.ok(isValidCpf(doc), `CPF ${doc}`);
      else assert.ok(isValidCnpj(doc, { version: 2 }), `CNPJ ${doc} (${type})`);
    }
    const cities = await db.selectFrom('cities').innerJoin('states', 'states.id', 'cities.state_id')
      .select(['cities.name', 'cities.ibge_code', 'states.abbreviation']).execute();
    for (const city of cities) {
      const real = getMunicipalityByCode(city.ibge_code);
      assert.equal(real?.name, city.name);
      assert.equal(real?.stateCode, city.abbreviation);
    }
  });

  test('the data covers every state the endpoints deal with', async () => {
    const values = async (query: string) => (await sql<{ v: string }>`${sql.raw(query)}`.execute(db)).rows.map((r) => String(r.v));
    assert.deepEqual((await values('select distinct status as v from contracts order by 1')).sort(),
      ['active', 'awaiting_activation', 'cancelled', 'suspended']);
    assert.deepEqual(await values('select distinct blocked::text as v from connections order by 1'), ['false', 'true']);
    const invoiceStates = await values(`select distinct case when status = 'open' and due_date < '${TODAY}' then 'overdue' else status end as v from invoices`);
    for (const s of ['open', 'overdue', 'paid']) assert.ok(invoiceStates.includes(s), `no ${s} invoice`);
    const portStates = await values('select distinct status as v from network_box_ports');
    for (const s of ['free', 'used']) assert.ok(portStates.includes(s), `no ${s} port`);
    assert.deepEqual(await values(`select count(*)::text as v from outage_notices where status = 'in_progress'`), ['1']);
  });

  test('identity sequences continue after the seeded ids', async () => {
    const max = await db.selectFrom('customers').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
    const street = await db.selectFrom('streets').select(['id', 'cep']).limit(1).executeTakeFirstOrThrow();
    const inserted = await db.insertInto('customers')
      .values({ company_id: 1, person_type: 'pre_registration', name: 'NOVO CLIENTE', street_id: street.id, address_number: '1', cep: street.cep })
      .returning('id').executeTakeFirstOrThrow();
    assert.ok(inserted.id > Number(max.m));
    await db.deleteFrom('customers').where('id', '=', inserted.id).execute();
  });

  test('on PostgreSQL, a reference left broken by the unchecked load fails the check after it, naming the constraint', {
    skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: the embedded engine checks every row as it is written',
  }, async () => {
    const writer = await RowWriter.open(db, {});
    const { customer_id: owner } = await db.selectFrom('contracts').select('customer_id').where('id', '=', 5).executeTakeFirstOrThrow();
    // Both updates without triggers, so the row (updated_at included) ends as seeded.
    const setOwner = (id: number) => db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.updateTable('contracts').set({ customer_id: id }).where('id', '=', 5).execute();
    });
    try {
      await writer.verify();
      await setOwner(999_999);
      await assert.rejects(writer.verify(), /contracts_customer_id_fkey \(1 rows\)/);
    } finally {
      await setOwner(owner);
      await writer.close();
    }
  });

  test('the same seed gives the same data; another seed gives other data', async () => {
    const again = await freshDatabase();
    const other = await freshDatabase();
    try {
      await seedDomain(again, OPTIONS);
      await seedDomain(other, { ...OPTIONS, seed: 8 });
      const [a, b, c] = await Promise.all([dump(db), dump(again), dump(other)]);
      for (const table of DOMAIN_TABLES) assert.deepEqual(b[table], a[table], `table ${table} differs between two runs`);
      assert.notDeepEqual(c.customers, a.customers);
    } finally {
      await again.destroy();
      await other.destroy();
    }
  });
});
