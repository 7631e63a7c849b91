import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { Tx } from '../../db/transaction.ts';
import type { CustomersTable } from '../../db/types.ts';

/** Two registrations of one document cannot race past the duplicate check (document is not unique). */
export async function lockDocument(tx: Tx, document: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`customer-document:${document}`}))`.execute(tx);
}

export const documentTaken = async (tx: Tx, document: string) =>
  (await tx.selectFrom('customers').select('id').where('document', '=', document).limit(1).executeTakeFirst()) !== undefined;

export const sacLoginTaken = async (tx: Tx, login: string) =>
  (await tx.selectFrom('customers').select('id').where('sac_login', '=', login).executeTakeFirst()) !== undefined;

export const defaultCompanyId = async (tx: Tx) =>
  (await tx.selectFrom('companies').select('id').where('active', '=', true).orderBy('id').limit(1).executeTakeFirst())?.id;

export const activeCompanyExists = async (tx: Tx, id: number) =>
  (await tx.selectFrom('companies').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;

type Lookup = 'customer_classifications' | 'resellers' | 'attendance_groups';
export const activeLookupExists = async (tx: Tx, table: Lookup, id: number) =>
  (await tx.selectFrom(table).select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;

export const insertCustomer = async (tx: Tx, row: Insertable<CustomersTable>) =>
  (await tx.insertInto('customers').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateCustomer = (tx: Tx, id: number, changes: Updateable<CustomersTable>) =>
  tx.updateTable('customers').set(changes).where('id', '=', id).execute();

export const findCustomerForUpdate = (tx: Tx, id: number) =>
  tx
    .selectFrom('customers as c')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
    .innerJoin('cities as ci', 'ci.id', 'n.city_id')
    .leftJoin('streets as bs', 'bs.id', 'c.billing_street_id')
    .leftJoin('neighbourhoods as bn', 'bn.id', 'bs.neighbourhood_id')
    .leftJoin('cities as bci', 'bci.id', 'bn.city_id')
    .select([
      'c.id',
      'c.document',
      'c.person_type',
      'c.street_id',
      'c.address_number',
      'c.cep',
      'n.id as neighbourhood_id',
      'ci.id as city_id',
      'ci.state_id',
      'c.billing_street_id',
      'c.billing_address_number',
      'c.billing_cep',
      'bn.id as billing_neighbourhood_id',
      'bci.id as billing_city_id',
      'bci.state_id as billing_state_id',
    ])
    .where('c.id', '=', id)
    .forUpdate('c')
    .executeTakeFirst();

/** Makes `phone` the primary phone, keeping the others. */
export async function setPrimaryPhone(tx: Tx, customerId: number, phone: string, whatsapp: boolean): Promise<void> {
  await tx.updateTable('customer_phones').set({ is_primary: false }).where('customer_id', '=', customerId).execute();
  await tx
    .insertInto('customer_phones')
    .values({ customer_id: customerId, phone, kind: 'mobile', whatsapp, is_primary: true })
    .onConflict((oc) => oc.columns(['customer_id', 'phone']).doUpdateSet({ is_primary: true, ...(whatsapp ? { whatsapp } : {}) }))
    .execute();
}

export async function setPrimaryEmail(tx: Tx, customerId: number, email: string): Promise<void> {
  await tx.updateTable('customer_emails').set({ is_primary: false }).where('customer_id', '=', customerId).execute();
  await tx
    .insertInto('customer_emails')
    .values({ customer_id: customerId, email, is_primary: true })
    .onConflict((oc) => oc.columns(['customer_id', 'email']).doUpdateSet({ is_primary: true }))
    .execute();
}
