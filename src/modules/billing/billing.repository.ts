import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { queryTemplate } from '../../db/query-template.ts';
import type { Tx } from '../../db/transaction.ts';

type Conn = Db | Tx;

export type InvoiceStatus = 'open' | 'paid' | 'suspended' | 'deleted';

export interface InvoiceRow {
  id: number;
  company_id: number;
  customer_id: number;
  contract_id: number | null;
  bank_account_id: number | null;
  payment_profile_id: number | null;
  description: string;
  amount_cents: number;
  issue_date: string;
  due_date: string;
  original_due_date: string;
  status: InvoiceStatus;
  paid_on: string | null;
  paid_amount_cents: number | null;
  our_number: string | null;
  barcode: string | null;
  digitable_line: string | null;
  pix_txid: string | null;
  customer_name: string;
}

const INVOICE_COLUMNS = [
  'i.id',
  'i.company_id',
  'i.customer_id',
  'i.contract_id',
  'i.bank_account_id',
  'i.payment_profile_id',
  'i.description',
  'i.amount_cents',
  'i.issue_date',
  'i.due_date',
  'i.original_due_date',
  'i.status',
  'i.paid_on',
  'i.paid_amount_cents',
  'i.our_number',
  'i.barcode',
  'i.digitable_line',
  'i.pix_txid',
  'c.name as customer_name',
] as const;

function invoices(db: Conn) {
  return db.selectFrom('invoices as i').innerJoin('customers as c', 'c.id', 'i.customer_id').select(INVOICE_COLUMNS);
}

export async function findInvoice(db: Conn, id: number): Promise<InvoiceRow | undefined> {
  return (await invoices(db).where('i.id', '=', id).executeTakeFirst()) as InvoiceRow | undefined;
}

export async function findInvoicesByIds(db: Conn, ids: number[]): Promise<InvoiceRow[]> {
  if (ids.length === 0) return [];
  return (await invoices(db).where('i.id', 'in', ids).orderBy('i.id').execute()) as InvoiceRow[];
}

export async function findInvoiceByBarcode(db: Conn, barcode: string): Promise<InvoiceRow | undefined> {
  return (await invoices(db)
    .where('i.barcode', '=', barcode)
    .where('i.status', '<>', 'deleted')
    .executeTakeFirst()) as InvoiceRow | undefined;
}

/** Open invoices of some customers, oldest due date first. */
export async function listOpenInvoicesOf(db: Conn, customerIds: number[]): Promise<InvoiceRow[]> {
  if (customerIds.length === 0) return [];
  return (await invoices(db)
    .where('i.customer_id', 'in', customerIds)
    .where('i.status', '=', 'open')
    .orderBy('i.due_date')
    .orderBy('i.id')
    .execute()) as InvoiceRow[];
}

/**
 * A customer (no row when it does not exist) left-joined to its open invoices, oldest due date
 * first, each with its items' ids and contracts (by item id): one query for WSMKFaturasPendentes.
 */
const customerOpenInvoicesQuery = (db: Conn, args: { customerId: number }) =>
  db
    .selectFrom('customers as c')
    .leftJoin('invoices as i', (j) => j.onRef('i.customer_id', '=', 'c.id').on('i.status', '=', 'open'))
    // One look-up of each invoice's items for both arrays (two scalar sub-selects read them twice).
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('invoice_items as it')
          .select([
            sql<number[] | null>`array_agg(it.id order by it.id)`.as('item_ids'),
            sql<(number | null)[] | null>`array_agg(it.contract_id order by it.id)`.as('item_contract_ids'),
          ])
          .whereRef('it.invoice_id', '=', 'i.id')
          .as('items'),
      (j) => j.onTrue(),
    )
    .select(INVOICE_COLUMNS)
    .select(['c.id as customer_key', 'items.item_ids', 'items.item_contract_ids'])
    .where('c.id', '=', args.customerId)
    .orderBy('i.due_date')
    .orderBy('i.id');

const runCustomerOpenInvoices = queryTemplate(customerOpenInvoicesQuery);

export interface OpenInvoiceWithItems {
  invoice: InvoiceRow;
  itemIds: number[];
  itemContractIds: (number | null)[];
}

export async function findCustomerOpenInvoices(db: Conn, customerId: number) {
  const rows = await runCustomerOpenInvoices(db, { customerId });
  const first = rows[0];
  if (!first) return undefined;
  const invoices: OpenInvoiceWithItems[] = [];
  for (const { customer_key: _, item_ids, item_contract_ids, ...invoice } of rows) {
    if (invoice.id === null) continue;
    invoices.push({ invoice: invoice as InvoiceRow, itemIds: item_ids ?? [], itemContractIds: item_contract_ids ?? [] });
  }
  return { customer: { id: first.customer_key, name: first.customer_name }, invoices };
}

export interface InvoiceFilter {
  customerId: number;
  paid?: boolean;
  idFrom?: number;
  idTo?: number;
  ourNumber?: string;
  issueDate?: string;
  dueFrom: string;
  dueTo?: string;
  paidOn?: string;
  contractId?: number;
  originalDueDate?: string;
  invoiceId?: number;
}

/** WSMKFaturas: a customer's invoices (deleted ones excluded) matching every given filter. */
export async function searchInvoices(db: Conn, f: InvoiceFilter): Promise<InvoiceRow[]> {
  let q = invoices(db).where('i.customer_id', '=', f.customerId).where('i.status', '<>', 'deleted');
  if (f.paid !== undefined) q = q.where('i.status', f.paid ? '=' : '<>', 'paid');
  if (f.idFrom !== undefined) q = q.where('i.id', '>=', f.idFrom);
  if (f.idTo !== undefined) q = q.where('i.id', '<=', f.idTo);
  if (f.ourNumber !== undefined) q = q.where('i.our_number', '=', f.ourNumber);
  if (f.issueDate !== undefined) q = q.where('i.issue_date', '=', f.issueDate);
  q = q.where('i.due_date', '>=', f.dueFrom);
  if (f.dueTo !== undefined) q = q.where('i.due_date', '<=', f.dueTo);
  if (f.paidOn !== undefined) q = q.where('i.paid_on', '=', f.paidOn);
  if (f.contractId !== undefined) q = q.where('i.contract_id', '=', f.contractId);
  if (f.originalDueDate !== undefined) q = q.where('i.original_due_date', '=', f.originalDueDate);
  if (f.invoiceId !== undefined) q = q.where('i.id', '=', f.invoiceId);
  return (await q.orderBy('i.due_date').orderBy('i.id').limit(5000).execute()) as InvoiceRow[];
}

export interface OpenInvoiceListRow {
  id: number;
  customer_id: number;
  customer_name: string;
  amount_cents: number;
  contract_status: string | null;
  customer_status: string;
}

/** WSMKFaturasAbertas: open invoices of every customer due in a date range. */
export async function listOpenInvoicesDueBetween(
  db: Conn,
  from: string,
  to: string,
  customerId: number | undefined,
): Promise<OpenInvoiceListRow[]> {
  let q = db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('contracts as k', 'k.id', 'i.contract_id')
    .select([
      'i.id',
      'i.customer_id',
      'c.name as customer_name',
      'i.amount_cents',
      'k.status as contract_status',
      'c.status as customer_status',
    ])
    .where('i.status', '=', 'open')
    .where('i.due_date', '>=', from)
    .where('i.due_date', '<=', to);
  if (customerId !== undefined) q = q.where('i.customer_id', '=', customerId);
  return q.orderBy('i.due_date').orderBy('i.id').limit(50_000).execute();
}

export interface InvoiceItemRow {
  invoice_id: number;
  id: number;
  contract_id: number | null;
}

export async function listItemsOf(db: Conn, invoiceIds: number[]): Promise<InvoiceItemRow[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .selectFrom('invoice_items')
    .select(['invoice_id', 'id', 'contract_id'])
    .where('invoice_id', 'in', invoiceIds)
    .orderBy('id')
    .execute();
}

export async function findCustomer(db: Conn, id: number) {
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'document', 'company_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findCustomersByDocument(db: Conn, document: string) {
  return db.selectFrom('customers').select(['id', 'name']).where('document', '=', document).orderBy('id').execute();
}

/** The phone an SMS goes to: the primary mobile, else any mobile, else null. */
export async function findMobilePhone(db: Conn, customerId: number): Promise<string | null> {
  const row = await db
    .selectFrom('customer_phones')
    .select('phone')
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'mobile')
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return row?.phone ?? null;
}

/**
 * Outbox insert for the SMS of a linha digitável. The notifications module (enqueueSms) did not
 * exist when billing was written, so billing writes the schema's outbox row itself.
 */
export async function findContractStatus(db: Conn, contractId: number): Promise<string | undefined> {
  const row = await db.selectFrom('contracts').select('status').where('id', '=', contractId).executeTakeFirst();
  return row?.status;
}

/** Sim when a connection of the customer (of the contract, when known) is blocked or reduced. */
export async function hasRestrictedConnection(db: Conn, customerId: number, contractId: number | null): Promise<boolean> {
  let q = db
    .selectFrom('connections')
    .select(sql<number>`1`.as('one'))
    .where('customer_id', '=', customerId)
    .where('disabled_at', 'is', null)
    .where((eb) => eb.or([eb('blocked', '=', true), eb('reduced', '=', true)]));
  if (contractId !== null) q = q.where('contract_id', '=', contractId);
  return (await q.executeTakeFirst()) !== undefined;
}
