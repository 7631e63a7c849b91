import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Insertable } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import type { DB } from '../../src/db/types.ts';
import { freshDatabase } from '../support/test-db.ts';

// PostgreSQL error codes the schema must produce.
const NOT_NULL = '23502';
const FOREIGN_KEY = '23503';
const UNIQUE = '23505';
const CHECK = '23514';

let db: Db;
const ids = { customer: 0, contract: 0, plan: 0, street: 0, neighbourhood: 0, company: 0, box: 0, lead: 0 };

async function refused(work: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.equal((error as { code?: string }).code, code, `expected SQLSTATE ${code}, got ${String(error)}`);
    return true;
  });
}

const customerRow = (over: Partial<Insertable<DB['customers']>> = {}): Insertable<DB['customers']> => ({
  company_id: ids.company, person_type: 'individual', name: 'JOÃO TESTE', document: '52998224725',
  street_id: ids.street, address_number: '10', cep: '86050100', ...over,
});

const contractRow = (over: Partial<Insertable<DB['contracts']>> = {}): Insertable<DB['contracts']> => ({
  company_id: ids.company, customer_id: ids.customer, plan_type_id: 1, access_plan_id: ids.plan,
  due_date_rule_id: 1, blocking_rule_id: 1, payment_method_id: 1, payment_profile_id: 1, chart_account_id: 1,
  monthly_amount_cents: 9990, status: 'active', signed_on: '2026-01-10', activated_at: new Date('2026-01-12T12:00:00Z'),
  ...over,
});

const invoiceRow = (over: Partial<Insertable<DB['invoices']>> = {}): Insertable<DB['invoices']> => ({
  company_id: ids.company, customer_id: ids.customer, contract_id: ids.contract, description: 'Mensalidade',
  amount_cents: 9990, issue_date: '2026-02-01', due_date: '2026-02-10', original_due_date: '2026-02-10', ...over,
});

const connectionRow = (over: Partial<Insertable<DB['connections']>> = {}): Insertable<DB['connections']> => ({
  customer_id: ids.customer, contract_id: ids.contract, access_plan_id: ids.plan, server_id: 1, access_point_id: 1,
  technology: 'ftth', ip_type: 'mk_pool', username: `user${Math.random().toString(36).slice(2, 10)}`, password: 'secret1',
  ...over,
});

before(async () => {
  db = await freshDatabase();
  const one = async <T extends keyof DB>(table: T, row: Insertable<DB[T]>): Promise<number> => {
    const inserted: unknown = await db.insertInto(table).values(row as never).returning('id' as never).executeTakeFirstOrThrow();
    return (inserted as { id: number }).id;
  };
  const city = await one('cities', { state_id: 16, name: 'Londrina', ibge_code: 4113700 });
  ids.neighbourhood = await one('neighbourhoods', { city_id: city, name: 'Centro' });
  ids.street = await one('streets', { neighbourhood_id: ids.neighbourhood, name: 'Rua Sergipe', cep: '86050100' });
  ids.company = await one('companies', {
    legal_name: 'NORTE FIBRA LTDA', trade_name: 'Norte Fibra', short_name: 'nortefibra', cnpj: '11444777000161',
    street_id: ids.street, address_number: '1', cep: '86050100',
  });
  ids.plan = await one('access_plans', {
    company_id: ids.company, plan_type_id: 1, name: 'FIBRA 500', download_kbps: 500_000, upload_kbps: 250_000, price_cents: 9990,
  });
  await one('due_date_rules', { name: 'Dia 10', due_day: 10 });
  await one('blocking_rules', { name: 'Padrão', block_after_days: 15 });
  await one('bank_accounts', { company_id: ids.company, description: 'Sicoob', bank_code: '756', agency: '1234', account_number: '123456' });
  await one('payment_profiles', { company_id: ids.company, name: 'Boleto', payment_method_id: 1, bank_account_id: 1 });
  await one('chart_of_accounts', { code: '1.01.001', name: 'Mensalidades', kind: 'revenue' });
  const server = await one('servers', { company_id: ids.company, name: 'BNG-01', ip_address: '10.0.0.1' });
  await one('access_points', { company_id: ids.company, server_id: server, name: 'OLT-01', kind: 'olt', technology: 'ftth' });
  ids.customer = await one('customers', customerRow());
  ids.contract = await one('contracts', contractRow());
  ids.box = await one('network_boxes', { company_id: ids.company, code: 'CTO-1', capacity: 16, latitude: -23.3, longitude: -51.1 });
  ids.lead = await one('leads', { company_id: ids.company, customer_id: ids.customer });
});

after(async () => {
  await db?.destroy();
});

describe('the database refuses inconsistent rows', () => {
  test('the fixture rows themselves are accepted', async () => {
    await db.insertInto('invoices').values(invoiceRow()).execute();
    await db.insertInto('connections').values(connectionRow()).execute();
  });

  test('an invoice without a customer, or with an unknown one', async () => {
    await refused(db.insertInto('invoices').values(invoiceRow({ customer_id: null as never })).execute(), NOT_NULL);
    await refused(db.insertInto('invoices').values(invoiceRow({ customer_id: 999_999 })).execute(), FOREIGN_KEY);
  });

  test('negative money', async () => {
    await refused(db.insertInto('invoices').values(invoiceRow({ amount_cents: -1 })).execute(), CHECK);
    await refused(db.insertInto('contracts').values(contractRow({ monthly_amount_cents: -9990 })).execute(), CHECK);
    await refused(
      db.insertInto('access_plans').values({ company_id: ids.company, plan_type_id: 8, name: 'TV', price_cents: -1 }).execute(),
      CHECK,
    );
  });

  test('a contract with an unknown plan, or a CRM contract without a product', async () => {
    await refused(db.insertInto('contracts').values(contractRow({ access_plan_id: 999_999 })).execute(), FOREIGN_KEY);
    await refused(db.insertInto('contracts').values(contractRow({ plan_type_id: 12 })).execute(), CHECK);
    await refused(db.insertInto('contracts').values(contractRow({ access_plan_id: null })).execute(), CHECK);
  });

  test('badly formatted documents, CEPs, phones and MACs', async () => {
    await refused(db.insertInto('customers').values(customerRow({ document: '529.982.247-25' })).execute(), CHECK);
    await refused(db.insertInto('customers').values(customerRow({ document: '1234' })).execute(), CHECK);
    // A CNPJ on a person, a CPF on a company.
    await refused(db.insertInto('customers').values(customerRow({ document: '11222333000181' })).execute(), CHECK);
    await refused(db.insertInto('customers').values(customerRow({ person_type: 'company', document: '52998224725' })).execute(), CHECK);
    await refused(db.insertInto('customers').values(customerRow({ cep: '86050-100' })).execute(), CHECK);
    await refused(
      db.insertInto('customer_phones').values({ customer_id: ids.customer, phone: '(43) 99999-0000' }).execute(),
      CHECK,
    );
    await refused(db.insertInto('connections').values(connectionRow({ mac_address: 'aa-bb-cc-dd-ee-ff' })).execute(), CHECK);
  });

  test('the alphanumeric CNPJ is a valid document, and a document may repeat (MK "Outros")', async () => {
    await db.insertInto('customers').values(customerRow({ person_type: 'company', name: 'ACME', document: '12ABC34501DE35' })).execute();
    await db.insertInto('customers').values(customerRow({ name: 'JOÃO TESTE (2º CADASTRO)' })).execute();
  });

  test('unknown statuses and kinds', async () => {
    await refused(db.insertInto('contracts').values(contractRow({ status: 'paused' })).execute(), CHECK);
    await refused(db.insertInto('invoices').values(invoiceRow({ status: 'late' })).execute(), CHECK);
    await refused(db.insertInto('customers').values(customerRow({ status: 'blocked' })).execute(), CHECK);
    await refused(db.insertInto('connections').values(connectionRow({ auth_type: 'radius' })).execute(), CHECK);
  });

  test('status and its dates must agree', async () => {
    await refused(db.insertInto('invoices').values(invoiceRow({ status: 'paid' })).execute(), CHECK);
    await refused(db.insertInto('invoices').values(invoiceRow({ status: 'suspended', suspended_at: new Date() })).execute(), CHECK);
    await refused(db.insertInto('contracts').values(contractRow({ status: 'cancelled' })).execute(), CHECK);
    await refused(db.insertInto('contracts').values(contractRow({ status: 'active', activated_at: null })).execute(), CHECK);
    await refused(db.insertInto('customers').values(customerRow({ status: 'inactive' })).execute(), CHECK);
  });

  test('boleto codes have their exact lengths', async () => {
    await refused(db.insertInto('invoices').values(invoiceRow({ our_number: '1', barcode: '1'.repeat(43), digitable_line: '1'.repeat(47) })).execute(), CHECK);
    await refused(db.insertInto('invoices').values(invoiceRow({ our_number: '2', barcode: '1'.repeat(44), digitable_line: null })).execute(), CHECK);
    await refused(db.insertInto('invoices').values(invoiceRow({ pix_payload: 'not a pix payload' })).execute(), CHECK);
    // A linha digitável that is not its barcode rearranged.
    const barcode = '75691' + '0'.repeat(39);
    const line = '75690'.padEnd(47, '1');
    await refused(db.insertInto('invoices').values(invoiceRow({ our_number: '3', barcode, digitable_line: line })).execute(), CHECK);
  });

  test('a blocked connection needs its reason; a static IP needs an address; usernames are unique', async () => {
    await refused(db.insertInto('connections').values(connectionRow({ blocked: true, blocked_at: new Date() })).execute(), CHECK);
    await refused(db.insertInto('connections').values(connectionRow({ ip_type: 'static' })).execute(), CHECK);
    await db.insertInto('connections').values(connectionRow({ username: 'joao.teste' })).execute();
    await refused(db.insertInto('connections').values(connectionRow({ username: 'joao.teste' })).execute(), UNIQUE);
  });

  test('address structure: one street name per neighbourhood', async () => {
    await refused(
      db.insertInto('streets').values({ neighbourhood_id: ids.neighbourhood, name: 'Rua Sergipe', cep: '86050200' }).execute(),
      UNIQUE,
    );
  });

  test('credit cards keep only what the vault allows', async () => {
    const card = {
      customer_id: ids.customer, holder_name: 'JOAO TESTE', holder_document: '52998224725', brand: 'visa',
      first6: '411111', last4: '1111', expiry_month: 12, expiry_year: 2030, vault_token: 'tok_abcdefgh',
    };
    await refused(db.insertInto('credit_cards').values({ ...card, last4: '41111111111111111' }).execute(), CHECK);
    await refused(db.insertInto('credit_cards').values({ ...card, expiry_month: 13 }).execute(), CHECK);
    await refused(db.insertInto('credit_cards').values({ ...card, active: false, recurring: true, deactivated_at: new Date() }).execute(), CHECK);
  });

  test('one active reservation per port; a used port names its connection', async () => {
    const port = await db.insertInto('network_box_ports').values({ network_box_id: ids.box, number: 1 }).returning('id').executeTakeFirstOrThrow();
    const reservation = {
      network_box_port_id: port.id, lead_id: ids.lead, reserved_at: new Date('2026-03-01T12:00:00Z'),
      expires_at: new Date('2026-03-08T12:00:00Z'),
    };
    await db.insertInto('port_reservations').values(reservation).execute();
    await refused(db.insertInto('port_reservations').values(reservation).execute(), UNIQUE);
    await refused(db.insertInto('network_box_ports').values({ network_box_id: ids.box, number: 2, status: 'used' }).execute(), CHECK);
  });

  test('payment order lines add up; tickets get an MK protocol and close with a classification', async () => {
    const order = await db
      .insertInto('payment_orders')
      .values({ public_id: 'abcdefghijklmnop1234', customer_id: ids.customer, total_cents: 100, expires_at: new Date(Date.now() + 60_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const invoice = await db.insertInto('invoices').values(invoiceRow()).returning('id').executeTakeFirstOrThrow();
    await refused(
      db.insertInto('payment_order_invoices')
        .values({ payment_order_id: order.id, invoice_id: invoice.id, original_cents: 100, surcharge_cents: 10, amount_cents: 100 })
        .execute(),
      CHECK,
    );
    await db.insertInto('ticket_processes').values({ name: 'SUPORTE' }).execute();
    await db.insertInto('ticket_classifications').values({ description: 'SEM-CONEXAO' }).execute();
    const ticket = { company_id: ids.company, customer_id: ids.customer, process_id: 1, opening_classification_id: 1, description: 'Sem internet' };
    const created = await db.insertInto('tickets').values(ticket).returning('protocol').executeTakeFirstOrThrow();
    assert.match(created.protocol, /^\d{4}\.\d+$/);
    await refused(db.insertInto('tickets').values({ ...ticket, status: 'closed', closed_at: new Date() }).execute(), CHECK);
  });
});
