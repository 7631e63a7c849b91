// The rule tables a contract (and a settlement) points at. Each `accepted*` query is the single
// definition of "a code that writes accept": the WSMKLista* endpoints list exactly its rows, and
// writes check a code with `isAcceptedCode` — so a listed code is always accepted and vice versa.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Conn = Db | Tx;

export const acceptedDueDateRules = (db: Conn) =>
  db.selectFrom('due_date_rules').select(['id', 'name', 'due_day', 'issue_days_before']).where('active', '=', true);

export const acceptedSlaTables = (db: Conn) =>
  db.selectFrom('sla_tables').select(['id', 'name', 'response_hours', 'resolution_hours']).where('active', '=', true);

export const acceptedBlockingRules = (db: Conn) =>
  db
    .selectFrom('blocking_rules')
    .select(['id', 'name', 'reduce_after_days', 'reduced_speed_percent', 'block_after_days', 'self_unblock_days', 'self_unblocks_per_month'])
    .where('active', '=', true);

export const acceptedDiscounts = (db: Conn) =>
  db.selectFrom('discounts').select(['id', 'name', 'purpose', 'percent_basis_points', 'amount_cents', 'days_before_due']).where('active', '=', true);

/** Chart of accounts a contract may post to: active leaf (accepts entries) revenue accounts. */
export const acceptedChartAccounts = (db: Conn) =>
  db
    .selectFrom('chart_of_accounts')
    .select(['id', 'code', 'name'])
    .where('active', '=', true)
    .where('accepts_entries', '=', true)
    .where('kind', '=', 'revenue');

export const acceptedPaymentProfiles = (db: Conn) =>
  db
    .selectFrom('payment_profiles as p')
    .innerJoin('payment_methods as m', 'm.id', 'p.payment_method_id')
    .select([
      'p.id',
      'p.company_id',
      'p.name',
      'p.payment_method_id',
      'm.name as method_name',
      'p.bank_account_id',
      'p.pix_enabled',
      'p.card_acquirer',
      'p.late_fee_basis_points',
      'p.monthly_interest_basis_points',
    ])
    .where('p.active', '=', true);

/** Bank accounts that receive money (the `conta` of WSMKLiquidacaoFaturas/V2): active ones. */
export const acceptedBankAccounts = (db: Conn) =>
  db
    .selectFrom('bank_accounts')
    .select(['id', 'company_id', 'description', 'kind', 'bank_code', 'agency', 'agency_digit', 'account_number', 'account_digit', 'wallet'])
    .where('active', '=', true);

export type LookupKind = 'dueDateRule' | 'slaTable' | 'blockingRule' | 'discount' | 'chartAccount' | 'paymentProfile' | 'bankAccount';

/**
 * True when `id` is one of the codes the matching list endpoint returns. Payment profiles and
 * bank accounts belong to a company: pass the company of the customer/invoice to require it.
 */
export async function isAcceptedCode(db: Conn, kind: LookupKind, id: number, companyId?: number): Promise<boolean> {
  switch (kind) {
    case 'dueDateRule':
      return found(await acceptedDueDateRules(db).where('id', '=', id).executeTakeFirst());
    case 'slaTable':
      return found(await acceptedSlaTables(db).where('id', '=', id).executeTakeFirst());
    case 'blockingRule':
      return found(await acceptedBlockingRules(db).where('id', '=', id).executeTakeFirst());
    case 'discount':
      return found(await acceptedDiscounts(db).where('id', '=', id).executeTakeFirst());
    case 'chartAccount':
      return found(await acceptedChartAccounts(db).where('id', '=', id).executeTakeFirst());
    case 'paymentProfile': {
      const row = await acceptedPaymentProfiles(db).where('p.id', '=', id).executeTakeFirst();
      return found(row) && (companyId === undefined || row?.company_id === companyId);
    }
    case 'bankAccount': {
      const row = await acceptedBankAccounts(db).where('id', '=', id).executeTakeFirst();
      return found(row) && (companyId === undefined || row?.company_id === companyId);
    }
  }
}

const found = (row: unknown) => row !== undefined;

export async function listDueDateRules(db: Conn) {
  return acceptedDueDateRules(db).orderBy('due_day').orderBy('id').execute();
}

export async function listSlaTables(db: Conn) {
  return acceptedSlaTables(db).orderBy('id').execute();
}

export async function listBlockingRules(db: Conn) {
  return acceptedBlockingRules(db).orderBy('id').execute();
}

export async function listDiscounts(db: Conn) {
  return acceptedDiscounts(db).orderBy('id').execute();
}

export async function listChartAccounts(db: Conn) {
  return acceptedChartAccounts(db).orderBy('code').execute();
}

export async function listPaymentProfiles(db: Conn, methodId: number | undefined) {
  let q = acceptedPaymentProfiles(db);
  if (methodId !== undefined) q = q.where('p.payment_method_id', '=', methodId);
  return q.orderBy('p.company_id').orderBy('p.id').execute();
}

export async function paymentMethodExists(db: Conn, id: number): Promise<boolean> {
  return (await db.selectFrom('payment_methods').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Active conditions of card profiles: the FormaPgto codes WSMKLiquidacaoFaturas accepts. */
export async function listCardConditions(db: Conn, profileIds: number[]) {
  if (profileIds.length === 0) return [];
  return db
    .selectFrom('payment_conditions')
    .select(['id', 'payment_profile_id', 'description', 'installments', 'min_amount_cents', 'fee_basis_points'])
    .where('payment_profile_id', 'in', profileIds)
    .where('active', '=', true)
    .orderBy('installments')
    .orderBy('id')
    .execute();
}

export async function listBankAccounts(db: Conn, descriptionContains: string | undefined) {
  let q = acceptedBankAccounts(db);
  if (descriptionContains !== undefined) {
    q = q.where(sql<boolean>`search_key(description) like '%' || search_key(${descriptionContains}) || '%'`);
  }
  return q.orderBy('company_id').orderBy('id').execute();
}
