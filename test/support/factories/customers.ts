// Rows for the customers and addresses tests, inserted straight with Kysely (no demo seed).
import type { Db } from '../../../src/db/database.ts';
import { cnpjWithCheckDigits, cpfWithCheckDigits } from '../../../src/lib/documents.ts';
import { hashPassword } from '../../../src/lib/password.ts';
import { addressesModule } from '../../../src/modules/addresses/index.ts';
import { authModule } from '../../../src/modules/auth/index.ts';
import { customersModule } from '../../../src/modules/customers/index.ts';
import type { Module } from '../../../src/modules/module.ts';
import { notificationsModule } from '../../../src/modules/notifications/index.ts';

/**
 * The modules these tests exercise. Building the app from them alone keeps the customers and
 * addresses tests independent of other domains' work in progress.
 */
export const ownModules = (): Module[] => [authModule, customersModule, addressesModule, notificationsModule];

let seq = 0;
const next = () => {
  seq += 1;
  return seq;
};

/** A valid CPF no other factory call returns in this process. */
export const uniqueCpf = () => cpfWithCheckDigits(String(100_000_000 + ((process.pid * 7919 + next() * 104_729) % 800_000_000)).slice(0, 9));
export const uniqueCnpj = () => cnpjWithCheckDigits(`${String(10_000_000 + ((process.pid * 31 + next() * 7_777) % 80_000_000))}0001`);

export async function createCity(db: Db, o: { stateId?: number; name?: string } = {}) {
  const n = next();
  return db
    .insertInto('cities')
    .values({ state_id: o.stateId ?? 16, name: o.name ?? `Cidade ${n}`, ibge_code: 4_100_000 + ((process.pid + n * 13) % 899_999) })
    .returning(['id', 'state_id', 'name', 'ibge_code'])
    .executeTakeFirstOrThrow();
}

export async function createNeighbourhood(db: Db, cityId: number, name?: string) {
  return db
    .insertInto('neighbourhoods')
    .values({ city_id: cityId, name: name ?? `Bairro ${next()}` })
    .returning(['id', 'city_id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function createStreet(db: Db, neighbourhoodId: number, o: { name?: string; cep?: string } = {}) {
  return db
    .insertInto('streets')
    .values({ neighbourhood_id: neighbourhoodId, name: o.name ?? `Rua ${next()}`, cep: o.cep ?? '86200000' })
    .returning(['id', 'neighbourhood_id', 'name', 'cep'])
    .executeTakeFirstOrThrow();
}

export interface Place {
  stateId: number;
  cityId: number;
  cityName: string;
  neighbourhoodId: number;
  neighbourhoodName: string;
  streetId: number;
  streetName: string;
}

/** State → city → neighbourhood → street, all new except the state. */
export async function createPlace(db: Db, o: { stateId?: number } = {}): Promise<Place> {
  const city = await createCity(db, o);
  const n = await createNeighbourhood(db, city.id);
  const s = await createStreet(db, n.id);
  return {
    stateId: city.state_id,
    cityId: city.id,
    cityName: city.name,
    neighbourhoodId: n.id,
    neighbourhoodName: n.name,
    streetId: s.id,
    streetName: s.name,
  };
}

export async function createCompany(db: Db, streetId: number) {
  const n = next();
  return db
    .insertInto('companies')
    .values({
      legal_name: `Provedor ${n} LTDA`,
      trade_name: `Provedor ${n}`,
      short_name: `prov${process.pid}x${n}`,
      cnpj: uniqueCnpj(),
      street_id: streetId,
      address_number: '100',
      cep: '86200000',
      phone: '4332220000',
    })
    .returning(['id', 'legal_name', 'cnpj'])
    .executeTakeFirstOrThrow();
}

export async function createCondominium(db: Db, streetId: number, o: { name?: string; active?: boolean; number?: string; cep?: string } = {}) {
  return db
    .insertInto('condominiums')
    .values({
      name: o.name ?? `Condomínio ${next()}`,
      street_id: streetId,
      address_number: o.number ?? '200',
      cep: o.cep ?? '86200100',
      active: o.active ?? true,
      latitude: -23.1,
      longitude: -51.05,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export interface CustomerOptions {
  companyId: number;
  streetId: number;
  name?: string;
  tradeName?: string | null;
  document?: string | null;
  personType?: 'individual' | 'company' | 'pre_registration';
  status?: 'active' | 'inactive';
  sacLogin?: string | null;
  sacPassword?: string;
  phone?: string | null;
  phoneKind?: 'mobile' | 'landline' | 'commercial';
  email?: string | null;
  tags?: string[];
  createdAt?: Date;
  addressNumber?: string;
  latitude?: number;
  longitude?: number;
}

export async function createCustomer(db: Db, o: CustomerOptions) {
  const n = next();
  const personType = o.personType ?? 'individual';
  const document = o.document === undefined ? (personType === 'company' ? uniqueCnpj() : uniqueCpf()) : o.document;
  const inactive = o.status === 'inactive';
  const row = await db
    .insertInto('customers')
    .values({
      company_id: o.companyId,
      person_type: personType,
      name: o.name ?? `CLIENTE TESTE ${n}`,
      trade_name: o.tradeName ?? null,
      document,
      status: o.status ?? 'active',
      inactivated_at: inactive ? new Date('2026-01-01T12:00:00Z') : null,
      sac_login: o.sacLogin ?? null,
      sac_password_hash: o.sacPassword ? await hashPassword(o.sacPassword) : null,
      street_id: o.streetId,
      address_number: o.addressNumber ?? String(10 + n),
      cep: '86200000',
      latitude: o.latitude ?? null,
      longitude: o.longitude ?? null,
      tags: o.tags ?? [],
      ...(o.createdAt ? { created_at: o.createdAt, updated_at: o.createdAt } : {}),
    })
    .returning(['id', 'name', 'document'])
    .executeTakeFirstOrThrow();
  if (o.phone !== null) {
    await db
      .insertInto('customer_phones')
      .values({ customer_id: row.id, phone: o.phone ?? `4399${String(1_000_000 + n).slice(-7)}`, kind: o.phoneKind ?? 'mobile', is_primary: true })
      .execute();
  }
  if (o.email !== null) {
    await db.insertInto('customer_emails').values({ customer_id: row.id, email: o.email ?? `cliente${n}@example.com`, is_primary: true }).execute();
  }
  return row;
}

/** The lookups a contract needs, created once per company. */
async function contractRefs(db: Db, companyId: number) {
  const n = next();
  const plan = await db
    .insertInto('access_plans')
    .values({ company_id: companyId, plan_type_id: 1, name: `FIBRA ${n}`, download_kbps: 100_000, upload_kbps: 50_000, price_cents: 9990 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const due = await db.insertInto('due_date_rules').values({ name: `Dia 10 #${n}`, due_day: 10 }).returning('id').executeTakeFirstOrThrow();
  const blocking = await db.insertInto('blocking_rules').values({ name: `Régua ${n}`, block_after_days: 15 }).returning('id').executeTakeFirstOrThrow();
  const profile = await db
    .insertInto('payment_profiles')
    .values({ company_id: companyId, name: `Perfil ${n}`, payment_method_id: 2 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const chart = await db
    .insertInto('chart_of_accounts')
    .values({ code: `9.${process.pid}.${n}`, name: 'Mensalidades', kind: 'revenue' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const server = await db
    .insertInto('servers')
    .values({ company_id: companyId, name: `NAS ${n}`, ip_address: '10.0.0.1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ap = await db
    .insertInto('access_points')
    .values({ company_id: companyId, server_id: server.id, name: `OLT ${n}`, kind: 'olt', technology: 'ftth' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { planId: plan.id, dueId: due.id, blockingId: blocking.id, profileId: profile.id, chartId: chart.id, serverId: server.id, apId: ap.id };
}

/** A contract in the given status and, optionally, a connection (blocked or not) under it. */
export async function createContract(
  db: Db,
  customer: { id: number },
  companyId: number,
  o: { status?: 'active' | 'suspended' | 'cancelled' | 'awaiting_activation'; connection?: 'unblocked' | 'blocked' | 'none' } = {},
) {
  const refs = await contractRefs(db, companyId);
  const status = o.status ?? 'active';
  const at = new Date('2026-03-01T12:00:00Z');
  const contract = await db
    .insertInto('contracts')
    .values({
      company_id: companyId,
      customer_id: customer.id,
      plan_type_id: 1,
      access_plan_id: refs.planId,
      due_date_rule_id: refs.dueId,
      blocking_rule_id: refs.blockingId,
      payment_method_id: 2,
      payment_profile_id: refs.profileId,
      chart_account_id: refs.chartId,
      monthly_amount_cents: 9990,
      status,
      signed_on: '2026-03-01',
      activated_at: status === 'awaiting_activation' ? null : at,
      suspended_at: status === 'suspended' ? at : null,
      cancelled_at: status === 'cancelled' ? at : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if ((o.connection ?? 'unblocked') !== 'none') {
    const blocked = o.connection === 'blocked';
    await db
      .insertInto('connections')
      .values({
        customer_id: customer.id,
        contract_id: contract.id,
        access_plan_id: refs.planId,
        server_id: refs.serverId,
        access_point_id: refs.apId,
        technology: 'ftth',
        ip_type: 'dynamic',
        username: `user${process.pid}x${next()}`,
        password: 'radius-secret',
        blocked,
        block_reason: blocked ? 'non_payment' : null,
        blocked_at: blocked ? at : null,
      })
      .execute();
  }
  return contract;
}

/** A company with its own place, and a token-free starting point for most tests. */
export async function createWorld(db: Db) {
  const place = await createPlace(db);
  const company = await createCompany(db, place.streetId);
  return { place, company };
}
