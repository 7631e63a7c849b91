import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Conn = Db | Tx;

export interface PixSetup {
  key: string;
  merchantName: string;
  merchantCity: string;
}

/**
 * The company's PIX receiving data when the invoice's payment profile has PIX in production
 * (MK's prerequisite "Profile com PIX em produção"); null otherwise.
 */
export async function findPixSetup(db: Conn, invoice: { company_id: number; payment_profile_id: number | null }): Promise<PixSetup | null> {
  if (invoice.payment_profile_id === null) return null;
  const row = await db
    .selectFrom('payment_profiles as p')
    .innerJoin('companies as co', 'co.id', 'p.company_id')
    .select(['co.pix_key', 'co.pix_merchant_name', 'co.pix_merchant_city'])
    .where('p.id', '=', invoice.payment_profile_id)
    .where('co.id', '=', invoice.company_id)
    .where('p.pix_enabled', '=', true)
    .where('p.pix_environment', '=', 'production')
    .where('p.active', '=', true)
    .executeTakeFirst();
  if (!row?.pix_key || !row.pix_merchant_name || !row.pix_merchant_city) return null;
  return { key: row.pix_key, merchantName: row.pix_merchant_name, merchantCity: row.pix_merchant_city };
}

export interface PartyAddress {
  street: string;
  number: string;
  complement: string | null;
  neighbourhood: string;
  city: string;
  state: string;
  cep: string;
}

export interface BoletoParties {
  company: { legalName: string; cnpj: string; address: PartyAddress };
  customer: { name: string; document: string | null; address: PartyAddress };
  bank: { code: string | null; agency: string | null; account: string | null; wallet: string | null } | null;
}

async function addressOf(db: Conn, streetId: number, number: string, complement: string | null, cep: string): Promise<PartyAddress> {
  const s = await db
    .selectFrom('streets as s')
    .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
    .innerJoin('cities as c', 'c.id', 'n.city_id')
    .innerJoin('states as st', 'st.id', 'c.state_id')
    .select(['s.name as street_name', 'n.name as neighbourhood_name', 'c.name as city_name', 'st.abbreviation as state_abbreviation'])
    .where('s.id', '=', streetId)
    .executeTakeFirstOrThrow();
  return {
    street: s.street_name,
    number,
    complement,
    neighbourhood: s.neighbourhood_name,
    city: s.city_name,
    state: s.state_abbreviation,
    cep,
  };
}

/** Beneficiary, payer (billing address when set) and bank of a boleto. */
export async function findBoletoParties(
  db: Conn,
  invoice: { company_id: number; customer_id: number; bank_account_id: number | null },
): Promise<BoletoParties> {
  const co = await db
    .selectFrom('companies')
    .select(['legal_name', 'cnpj', 'street_id', 'address_number', 'address_complement', 'cep'])
    .where('id', '=', invoice.company_id)
    .executeTakeFirstOrThrow();
  const cu = await db
    .selectFrom('customers')
    .select([
      'name',
      'document',
      'street_id',
      'address_number',
      'address_complement',
      'cep',
      'billing_street_id',
      'billing_address_number',
      'billing_address_complement',
      'billing_cep',
    ])
    .where('id', '=', invoice.customer_id)
    .executeTakeFirstOrThrow();
  const bank =
    invoice.bank_account_id === null
      ? null
      : await db
          .selectFrom('bank_accounts')
          .select(['bank_code', 'agency', 'account_number', 'wallet'])
          .where('id', '=', invoice.bank_account_id)
          .executeTakeFirst();
  const billing = cu.billing_street_id !== null;
  return {
    company: {
      legalName: co.legal_name,
      cnpj: co.cnpj,
      address: await addressOf(db, co.street_id, co.address_number, co.address_complement, co.cep),
    },
    customer: {
      name: cu.name,
      document: cu.document,
      address: billing
        ? await addressOf(db, cu.billing_street_id!, cu.billing_address_number!, cu.billing_address_complement, cu.billing_cep!)
        : await addressOf(db, cu.street_id, cu.address_number, cu.address_complement, cu.cep),
    },
    bank: bank ? { code: bank.bank_code, agency: bank.agency, account: bank.account_number, wallet: bank.wallet } : null,
  };
}
