import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/database.ts';
import { queryTemplate } from '../../db/query-template.ts';
import type { Tx } from '../../db/transaction.ts';

export type ContractStatus = 'awaiting_activation' | 'active' | 'suspended' | 'cancelled';

export interface ContractListRow {
  id: number;
  customer_id: number;
  company_id: number;
  company_name: string;
  status: string;
  signed_on: string;
  due_day: number;
  monthly_amount_cents: number;
  plan_name: string | null;
  product_name: string | null;
}

function contractsQuery(db: Db, statuses?: ContractStatus[]) {
  let q = db
    .selectFrom('contracts as k')
    .innerJoin('companies as co', 'co.id', 'k.company_id')
    .innerJoin('due_date_rules as d', 'd.id', 'k.due_date_rule_id')
    .leftJoin('access_plans as ap', 'ap.id', 'k.access_plan_id')
    .leftJoin('crm_products as cp', 'cp.id', 'k.crm_product_id')
    .select([
      'k.id',
      'k.customer_id',
      'k.company_id',
      'co.trade_name as company_name',
      'k.status',
      'k.signed_on',
      'd.due_day',
      'k.monthly_amount_cents',
      'ap.name as plan_name',
      'cp.name as product_name',
    ]);
  if (statuses) q = q.where('k.status', 'in', statuses);
  return q.orderBy('k.id');
}

/** Contracts of some customers (optionally in some statuses), oldest first. */
export function listContracts(db: Db, customerIds: number[], statuses?: ContractStatus[]): Promise<ContractListRow[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  return contractsQuery(db, statuses).where('k.customer_id', 'in', customerIds).execute() as Promise<ContractListRow[]>;
}

/**
 * A customer and its contracts (oldest first) in one query — the contracts as a JSON array, whose
 * values (ids, text, DATE as YYYY-MM-DD, centavos) read the same as the list query's columns.
 */
const customerWithContractsQuery = (db: Db, args: { customerId: number; statuses?: ContractStatus[] }) =>
  db
    .selectFrom('customers as c')
    .select(['c.id', 'c.name', 'c.company_id', 'c.person_type', 'c.status', 'c.document', 'c.sac_login'])
    .select(() => jsonArrayFrom(contractsQuery(db, args.statuses).where(sql<boolean>`k.customer_id = c.id`)).as('contracts'))
    .where('c.id', '=', args.customerId);

const runCustomerWithContracts = queryTemplate(customerWithContractsQuery, ['statuses']);

export async function findCustomerWithContracts(db: Db, customerId: number, statuses?: ContractStatus[]) {
  const [row] = await runCustomerWithContracts(db, { customerId, statuses });
  if (!row) return undefined;
  const { contracts, ...customer } = row;
  return { customer, contracts: contracts as ContractListRow[] };
}

export const findCustomer = (db: Db | Tx, id: number) =>
  db
    .selectFrom('customers')
    .select(['id', 'name', 'company_id', 'person_type', 'status', 'document', 'sac_login'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Every registration of a document, oldest first (ConsultaDoc's order). */
export const customersByDocument = (db: Db, document: string) =>
  db
    .selectFrom('customers')
    .select(['id', 'name', 'status', 'sac_login'])
    .where('document', '=', document)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The contract row a status change works on, locked until the transaction ends. */
export const lockContract = (tx: Tx, id: number) =>
  tx
    .selectFrom('contracts')
    .select([
      'id',
      'company_id',
      'customer_id',
      'status',
      'billing_method',
      'monthly_amount_cents',
      'due_date_rule_id',
      'payment_profile_id',
      'chart_account_id',
      'activated_at',
      'notes',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export type LockedContract = NonNullable<Awaited<ReturnType<typeof lockContract>>>;

export async function insertStatusChange(
  tx: Tx,
  row: { contractId: number; from: string | null; to: string; reasonId: number | null; note: string | null; operatorId: number | null; at: Date },
): Promise<void> {
  await tx
    .insertInto('contract_status_changes')
    .values({
      contract_id: row.contractId,
      from_status: row.from,
      to_status: row.to,
      reason_id: row.reasonId,
      note: row.note,
      operator_id: row.operatorId,
      changed_at: row.at,
    })
    .execute();
}

export const findStatusReason = (tx: Tx, id: number, kind: 'suspension' | 'cancellation') =>
  tx
    .selectFrom('contract_status_reasons')
    .select(['id', 'description'])
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('active', '=', true)
    .executeTakeFirst();

export interface PendingAcceptanceRow {
  contract_id: number;
  customer_id: number;
  customer_name: string;
  signed_on: string;
  term_id: number;
  title: string;
  version: number;
}

/** Pending acceptances of contracts signed on a day, by contract then term. */
export const pendingAcceptancesSignedOn = (db: Db, signedOn: string) =>
  db
    .selectFrom('contract_acceptances as a')
    .innerJoin('contracts as k', 'k.id', 'a.contract_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .innerJoin('acceptance_terms as t', 't.id', 'a.acceptance_term_id')
    .select([
      'k.id as contract_id',
      'k.customer_id',
      'c.name as customer_name',
      'k.signed_on',
      't.id as term_id',
      't.title',
      't.version',
    ])
    .where('a.status', '=', 'pending')
    .where('k.signed_on', '=', signedOn)
    .where('k.status', '<>', 'cancelled')
    .orderBy('k.id')
    .orderBy('t.id')
    .execute() as Promise<PendingAcceptanceRow[]>;

/** Pending acceptance rows of one contract, locked (the acceptance upload takes them). */
export const lockPendingAcceptances = (tx: Tx, contractId: number) =>
  tx
    .selectFrom('contract_acceptances')
    .select(['id', 'acceptance_term_id'])
    .where('contract_id', '=', contractId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .forUpdate()
    .execute();
