// Rows for the billing and payments tests, inserted straight with Kysely (no demo seed).
import type { Db } from '../../../src/db/database.ts';
import { barcodeToLinhaDigitavel, buildBarcode, buildFreeField } from '../../../src/lib/boleto.ts';
import { cnpjWithCheckDigits, cpfWithCheckDigits } from '../../../src/lib/documents.ts';

let seq = 0;
const next = () => ++seq;

export const cpfFor = (n: number) => cpfWithCheckDigits(String(300_000_000 + n * 7_919).slice(0, 9));
const cnpjFor = (n: number) => cnpjWithCheckDigits(`${String(40_000_000 + n * 77)}0001`);

export async function createStreet(db: Db): Promise<number> {
  const n = next();
  const city = await db
    .insertInto('cities')
    .values({ state_id: 25, name: `Cidade Billing ${n}`, ibge_code: 3_500_000 + n })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hood = await db.insertInto('neighbourhoods').values({ city_id: city.id, name: `Centro ${n}` }).returning('id').executeTakeFirstOrThrow();
  const street = await db
    .insertInto('streets')
    .values({ neighbourhood_id: hood.id, name: `Rua das Flores ${n}`, cep: '01310100' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return street.id;
}

export interface Setup {
  companyId: number;
  bankAccountId: number;
  profileId: number;
  streetId: number;
}

/** A company with a boleto bank account and a payment profile (PIX in production when `pix`). */
export async function createBillingSetup(db: Db, o: { pix?: boolean; fineBp?: number; interestBp?: number } = {}): Promise<Setup> {
  const n = next();
  const streetId = await createStreet(db);
  const pix = o.pix ?? true;
  const company = await db
    .insertInto('companies')
    .values({
      legal_name: `Provedor Teste ${n} LTDA`,
      trade_name: `Provedor ${n}`,
      short_name: `prov${n}`,
      cnpj: cnpjFor(n),
      street_id: streetId,
      address_number: '100',
      cep: '01310100',
      pix_key: pix ? cnpjFor(n) : null,
      pix_key_type: pix ? 'cnpj' : null,
      pix_merchant_name: pix ? 'PROVEDOR TESTE' : null,
      pix_merchant_city: pix ? 'SAO PAULO' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bank = await db
    .insertInto('bank_accounts')
    .values({ company_id: company.id, description: `Banco ${n}`, bank_code: '237', agency: '1234', account_number: '56789', wallet: '9' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const profile = await db
    .insertInto('payment_profiles')
    .values({
      company_id: company.id,
      name: `Boleto ${n}`,
      payment_method_id: 1,
      bank_account_id: bank.id,
      pix_enabled: pix,
      pix_environment: pix ? 'production' : null,
      late_fee_basis_points: o.fineBp ?? 200,
      monthly_interest_basis_points: o.interestBp ?? 100,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { companyId: company.id, bankAccountId: bank.id, profileId: profile.id, streetId };
}

export async function createCustomer(db: Db, s: Setup, o: { name?: string; document?: string; phone?: string | null } = {}) {
  const n = next();
  const customer = await db
    .insertInto('customers')
    .values({
      company_id: s.companyId,
      person_type: 'individual',
      name: o.name ?? `CLIENTE TESTE ${n}`,
      document: o.document ?? cpfFor(n),
      street_id: s.streetId,
      address_number: String(n),
      cep: '01310100',
    })
    .returning(['id', 'name', 'document'])
    .executeTakeFirstOrThrow();
  const phone = o.phone === undefined ? `119${String(80_000_000 + n).slice(0, 8)}` : o.phone;
  if (phone) await db.insertInto('customer_phones').values({ customer_id: customer.id, phone, kind: 'mobile', is_primary: true }).execute();
  return { id: customer.id, name: customer.name, document: customer.document! };
}

export interface InvoiceOptions {
  amountCents?: number;
  dueDate?: string;
  status?: 'open' | 'paid' | 'suspended' | 'deleted';
  contractId?: number | null;
  withBoleto?: boolean;
  description?: string;
}

/** An invoice with a real FEBRABAN barcode/linha (nosso número = a fresh sequence). */
export async function createInvoice(db: Db, s: Setup, customerId: number, o: InvoiceOptions = {}) {
  const n = next();
  const amountCents = o.amountCents ?? 9990;
  const dueDate = o.dueDate ?? '2026-12-10';
  const status = o.status ?? 'open';
  const ourNumber = String(1000 + n);
  const barcode =
    o.withBoleto === false
      ? null
      : buildBarcode({
          bankCode: '237',
          dueDate,
          amountCents,
          freeField: buildFreeField({ agency: '1234', account: '56789', wallet: '9', nossoNumero: ourNumber }),
        });
  const reason = status === 'suspended' ? await createSuspensionReason(db) : null;
  const row = await db
    .insertInto('invoices')
    .values({
      company_id: s.companyId,
      customer_id: customerId,
      contract_id: o.contractId ?? null,
      bank_account_id: s.bankAccountId,
      payment_profile_id: s.profileId,
      description: o.description ?? `Mensalidade ${n}`,
      amount_cents: amountCents,
      issue_date: '2026-11-01',
      due_date: dueDate,
      original_due_date: dueDate,
      status,
      paid_on: status === 'paid' ? '2026-11-20' : null,
      paid_amount_cents: status === 'paid' ? amountCents : null,
      suspended_at: status === 'suspended' ? new Date('2026-11-20T12:00:00Z') : null,
      suspension_reason_id: reason,
      deleted_at: status === 'deleted' ? new Date('2026-11-20T12:00:00Z') : null,
      our_number: ourNumber,
      barcode,
      digitable_line: barcode ? barcodeToLinhaDigitavel(barcode) : null,
      pix_txid: `FAT${n}`,
    })
    .returning(['id', 'barcode', 'digitable_line', 'amount_cents', 'due_date'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('invoice_items')
    .values({ invoice_id: row.id, contract_id: o.contractId ?? null, kind: 'monthly_fee', description: 'Mensalidade', amount_cents: amountCents })
    .execute();
  return { id: row.id, barcode: row.barcode, linha: row.digitable_line, amountCents, dueDate };
}

export async function createSuspensionReason(db: Db, active = true): Promise<number> {
  const row = await db
    .insertInto('invoice_suspension_reasons')
    .values({ description: `Contestação ${next()}`, active })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A contract (plan, rules) for the customer; `discount` adds a punctuality discount. */
export async function createContract(
  db: Db,
  s: Setup,
  customerId: number,
  o: { status?: 'active' | 'cancelled'; discount?: { percentBp?: number; amountCents?: number; daysBeforeDue?: number } } = {},
) {
  const n = next();
  const plan = await db
    .insertInto('access_plans')
    .values({ company_id: s.companyId, plan_type_id: 1, name: `FIBRA ${n}`, download_kbps: 500_000, upload_kbps: 250_000, price_cents: 9990 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const due = await db.insertInto('due_date_rules').values({ name: `Dia 10 ${n}`, due_day: 10 }).returning('id').executeTakeFirstOrThrow();
  const block = await db.insertInto('blocking_rules').values({ name: `Régua ${n}`, block_after_days: 15 }).returning('id').executeTakeFirstOrThrow();
  const chart = await db
    .insertInto('chart_of_accounts')
    .values({ code: `3.${n}`, name: `Receita ${n}`, kind: 'revenue' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const discount = o.discount
    ? await db
        .insertInto('discounts')
        .values({
          name: `Pontualidade ${n}`,
          purpose: 'punctuality',
          percent_basis_points: o.discount.percentBp ?? null,
          amount_cents: o.discount.amountCents ?? null,
          days_before_due: o.discount.daysBeforeDue ?? 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    : null;
  const cancelled = o.status === 'cancelled';
  const contract = await db
    .insertInto('contracts')
    .values({
      company_id: s.companyId,
      customer_id: customerId,
      plan_type_id: 1,
      access_plan_id: plan.id,
      due_date_rule_id: due.id,
      blocking_rule_id: block.id,
      payment_method_id: 1,
      payment_profile_id: s.profileId,
      chart_account_id: chart.id,
      discount_id: discount?.id ?? null,
      monthly_amount_cents: 9990,
      status: o.status ?? 'active',
      signed_on: '2026-01-05',
      activated_at: new Date('2026-01-06T12:00:00Z'),
      cancelled_at: cancelled ? new Date('2026-10-01T12:00:00Z') : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: contract.id, planId: plan.id };
}

/** A connection of the contract, blocked for non-payment when `blocked`. */
export async function createConnection(db: Db, s: Setup, customerId: number, contract: { id: number; planId: number }, blocked: boolean) {
  const n = next();
  const server = await db
    .insertInto('servers')
    .values({ company_id: s.companyId, name: `BRAS ${n}`, ip_address: `10.0.0.${n % 250}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ap = await db
    .insertInto('access_points')
    .values({ company_id: s.companyId, server_id: server.id, name: `OLT ${n}`, kind: 'olt', technology: 'ftth' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('connections')
    .values({
      customer_id: customerId,
      contract_id: contract.id,
      access_plan_id: contract.planId,
      server_id: server.id,
      access_point_id: ap.id,
      technology: 'ftth',
      ip_type: 'dynamic',
      username: `user${n}`,
      password: 'segredo',
      blocked,
      block_reason: blocked ? 'non_payment' : null,
      blocked_at: blocked ? new Date('2026-11-20T12:00:00Z') : null,
    })
    .execute();
}

/** A credit-card payment profile of the company with payment conditions (the FormasPgto). */
export async function createCardProfile(db: Db, s: Setup, conditions: Array<{ installments: number; minCents?: number; feeBp?: number }>) {
  const n = next();
  const profile = await db
    .insertInto('payment_profiles')
    .values({ company_id: s.companyId, name: `Cartão ${n}`, payment_method_id: 3, bank_account_id: s.bankAccountId, card_acquirer: 'cielo' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const c of conditions) {
    const row = await db
      .insertInto('payment_conditions')
      .values({
        payment_profile_id: profile.id,
        description: `${c.installments}x no cartão`,
        installments: c.installments,
        min_amount_cents: c.minCents ?? 0,
        fee_basis_points: c.feeBp ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return { profileId: profile.id, conditionIds: ids };
}

export async function countRows(db: Db, table: 'payment_orders' | 'settlements' | 'credit_cards' | 'notification_outbox' | 'audit_log') {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
