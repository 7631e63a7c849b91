import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { AccessPlansTable } from '../../db/types.ts';

type Conn = Db | Tx;

const PLAN_COLUMNS = [
  'ap.id',
  'ap.company_id',
  'ap.plan_type_id',
  'pt.name as type_name',
  'ap.name',
  'ap.download_kbps',
  'ap.upload_kbps',
  'ap.reduced_download_kbps',
  'ap.reduced_upload_kbps',
  'ap.price_cents',
  'ap.contract_months',
  'ap.active',
  'ap.created_at',
  'ap.updated_at',
] as const;

const plans = (db: Conn) => db.selectFrom('access_plans as ap').innerJoin('plan_types as pt', 'pt.id', 'ap.plan_type_id').select(PLAN_COLUMNS);

export type PlanRow = Awaited<ReturnType<typeof findPlan>> & {};

const contains = (column: string, text: string) => sql<boolean>`search_key(${sql.ref(column)}) like '%' || search_key(${text}) || '%'`;

export const findPlan = (db: Conn, id: number) => plans(db).where('ap.id', '=', id).executeTakeFirst();

/** Active plans of a type: the codes contract and connection writes accept for that type. */
export const activePlansOfType = (db: Conn, typeId: number) =>
  plans(db).where('ap.plan_type_id', '=', typeId).where('ap.active', '=', true).orderBy('ap.company_id').orderBy('ap.name').orderBy('ap.id').execute();

/**
 * The check for NovoContrato's CodigoPlanoAcesso (and CriarConexao's, with type 1): an active plan
 * of that type — what WSMKListaPlanoAcesso lists — or, for type 12 (CRM), an active CRM product
 * (WSMKConsultaPlanos with ativo=S). Pass the customer's company to require the plan's.
 */
export async function isAcceptedPlanCode(db: Conn, typeId: number, id: number, companyId?: number): Promise<boolean> {
  const row =
    typeId === 12
      ? await db.selectFrom('crm_products').select('company_id').where('id', '=', id).where('active', '=', true).executeTakeFirst()
      : await db
          .selectFrom('access_plans')
          .select('company_id')
          .where('id', '=', id)
          .where('plan_type_id', '=', typeId)
          .where('active', '=', true)
          .executeTakeFirst();
  return row !== undefined && (companyId === undefined || row.company_id === companyId);
}

export const plansNamed = (db: Conn, text: string) => plans(db).where(contains('ap.name', text)).orderBy('ap.name').orderBy('ap.id').execute();

export const plansOfCompany = (db: Conn, companyId: number) => plans(db).where('ap.company_id', '=', companyId).orderBy('ap.id').execute();

export interface CodeFilter {
  changedFrom?: Date | undefined;
  id?: number | undefined;
  idFrom?: number | undefined;
  idTo?: number | undefined;
  activeOnly: boolean;
  nameContains?: string | undefined;
}

export async function queryPlans(db: Conn, f: CodeFilter) {
  let q = plans(db);
  if (f.changedFrom !== undefined) q = q.where('ap.updated_at', '>=', f.changedFrom);
  if (f.id !== undefined) q = q.where('ap.id', '=', f.id);
  if (f.idFrom !== undefined) q = q.where('ap.id', '>=', f.idFrom);
  if (f.idTo !== undefined) q = q.where('ap.id', '<=', f.idTo);
  if (f.activeOnly) q = q.where('ap.active', '=', true);
  if (f.nameContains !== undefined) q = q.where(contains('ap.name', f.nameContains));
  return q.orderBy('ap.id').execute();
}

const products = (db: Conn) =>
  db.selectFrom('crm_products as cp').select(['cp.id', 'cp.company_id', 'cp.name', 'cp.price_cents', 'cp.active', 'cp.created_at', 'cp.updated_at']);

export type ProductRow = Awaited<ReturnType<typeof findProduct>> & {};

export const findProduct = (db: Conn, id: number) => products(db).where('cp.id', '=', id).executeTakeFirst();

export async function queryProducts(db: Conn, f: CodeFilter) {
  let q = products(db);
  if (f.changedFrom !== undefined) q = q.where('cp.updated_at', '>=', f.changedFrom);
  if (f.id !== undefined) q = q.where('cp.id', '=', f.id);
  if (f.idFrom !== undefined) q = q.where('cp.id', '>=', f.idFrom);
  if (f.idTo !== undefined) q = q.where('cp.id', '<=', f.idTo);
  if (f.activeOnly) q = q.where('cp.active', '=', true);
  if (f.nameContains !== undefined) q = q.where(contains('cp.name', f.nameContains));
  return q.orderBy('cp.id').execute();
}

/** The plans bundled in each product, keyed by product id. */
export async function plansOfProducts(db: Conn, productIds: number[]) {
  const out = new Map<number, PlanRow[]>();
  if (productIds.length === 0) return out;
  const rows = await plans(db)
    .innerJoin('crm_product_plans as cpp', 'cpp.access_plan_id', 'ap.id')
    .select('cpp.crm_product_id')
    .where('cpp.crm_product_id', 'in', productIds)
    .orderBy('ap.plan_type_id')
    .orderBy('ap.id')
    .execute();
  for (const { crm_product_id, ...plan } of rows) {
    const list = out.get(crm_product_id) ?? [];
    list.push(plan);
    out.set(crm_product_id, list);
  }
  return out;
}

export type ContractStatus = 'awaiting_activation' | 'active' | 'suspended' | 'cancelled';

export interface ContractFilter {
  target: { planId: number } | { productId: number };
  statuses: ContractStatus[];
  signedFrom?: string | undefined;
  signedTo?: string | undefined;
  cancelledFrom?: Date | undefined;
  cancelledBefore?: Date | undefined;
}

export async function contractsOf(db: Conn, f: ContractFilter) {
  let q = db
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .select(['k.id', 'k.customer_id', 'c.name as customer_name', 'k.company_id', 'k.status', 'k.signed_on', 'k.cancelled_at', 'k.monthly_amount_cents'])
    .where('k.status', 'in', f.statuses);
  q = 'planId' in f.target ? q.where('k.access_plan_id', '=', f.target.planId) : q.where('k.crm_product_id', '=', f.target.productId);
  if (f.signedFrom !== undefined) q = q.where('k.signed_on', '>=', f.signedFrom);
  if (f.signedTo !== undefined) q = q.where('k.signed_on', '<=', f.signedTo);
  if (f.cancelledFrom !== undefined) q = q.where('k.cancelled_at', '>=', f.cancelledFrom);
  if (f.cancelledBefore !== undefined) q = q.where('k.cancelled_at', '<', f.cancelledBefore);
  return q.orderBy('k.id').execute();
}

export const defaultCompanyId = async (db: Conn) =>
  (await db.selectFrom('companies').select('id').where('active', '=', true).orderBy('id').limit(1).executeTakeFirst())?.id;

export const findCompany = (db: Conn, id: number) => db.selectFrom('companies').select(['id', 'active']).where('id', '=', id).executeTakeFirst();

/** Same name once case, accents and spacing are ignored (the index of migration 0070). */
export const planNameTaken = async (tx: Tx, companyId: number, name: string) =>
  (await tx
    .selectFrom('access_plans')
    .select('id')
    .where('company_id', '=', companyId)
    .where(sql<boolean>`plan_name_key(name) = plan_name_key(${name})`)
    .executeTakeFirst()) !== undefined;

export const insertPlan = async (tx: Tx, row: Insertable<AccessPlansTable>) =>
  (await tx.insertInto('access_plans').values(row).returning('id').executeTakeFirstOrThrow()).id;
