// Rows for the plans tests, inserted straight with Kysely (no demo seed).
import type { Db } from '../../../src/db/database.ts';
import { authModule } from '../../../src/modules/auth/index.ts';
import type { Module } from '../../../src/modules/module.ts';
import { plansModule } from '../../../src/modules/plans/index.ts';

export const plansModules = (): Module[] => [authModule, plansModule];

let seq = 0;
const next = () => ++seq;

export interface PlanOptions {
  name?: string;
  typeId?: number;
  downKbps?: number | null;
  upKbps?: number | null;
  priceCents?: number;
  active?: boolean;
  at?: string;
}

export async function createPlan(db: Db, companyId: number, o: PlanOptions = {}) {
  const n = next();
  const typeId = o.typeId ?? 1;
  const internet = typeId === 1;
  const at = new Date(o.at ?? '2026-11-01T12:00:00-03:00');
  return db
    .insertInto('access_plans')
    .values({
      company_id: companyId,
      plan_type_id: typeId,
      name: o.name ?? `PLANO TESTE ${n}`,
      download_kbps: o.downKbps !== undefined ? o.downKbps : internet ? 300_000 : null,
      upload_kbps: o.upKbps !== undefined ? o.upKbps : internet ? 150_000 : null,
      price_cents: o.priceCents ?? 9990,
      contract_months: 12,
      active: o.active ?? true,
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function createProduct(db: Db, companyId: number, planIds: number[], o: { name?: string; active?: boolean; at?: string } = {}) {
  const n = next();
  const at = new Date(o.at ?? '2026-11-01T12:00:00-03:00');
  const row = await db
    .insertInto('crm_products')
    .values({ company_id: companyId, name: o.name ?? `COMBO TESTE ${n}`, price_cents: 13990, active: o.active ?? true, created_at: at, updated_at: at })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  for (const planId of planIds) await db.insertInto('crm_product_plans').values({ crm_product_id: row.id, access_plan_id: planId }).execute();
  return row;
}

export interface Rules {
  dueDateRuleId: number;
  blockingRuleId: number;
  chartAccountId: number;
}

export async function createRules(db: Db): Promise<Rules> {
  const n = next();
  const due = await db.insertInto('due_date_rules').values({ name: `Vencimento ${n}`, due_day: 10 }).returning('id').executeTakeFirstOrThrow();
  const block = await db
    .insertInto('blocking_rules')
    .values({ name: `Régua ${n}`, block_after_days: 15 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const chart = await db
    .insertInto('chart_of_accounts')
    .values({ code: `9.${n}`, name: `Receita ${n}`, kind: 'revenue' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { dueDateRuleId: due.id, blockingRuleId: block.id, chartAccountId: chart.id };
}

export type ContractStatus = 'awaiting_activation' | 'active' | 'suspended' | 'cancelled';

export async function createContract(
  db: Db,
  s: { companyId: number; profileId: number },
  rules: Rules,
  customerId: number,
  o: { planId?: number; productId?: number; status?: ContractStatus; signedOn?: string; cancelledAt?: string; amountCents?: number },
) {
  const status = o.status ?? 'active';
  const row = await db
    .insertInto('contracts')
    .values({
      company_id: s.companyId,
      customer_id: customerId,
      plan_type_id: o.productId !== undefined ? 12 : 1,
      access_plan_id: o.planId ?? null,
      crm_product_id: o.productId ?? null,
      due_date_rule_id: rules.dueDateRuleId,
      blocking_rule_id: rules.blockingRuleId,
      payment_method_id: 1,
      payment_profile_id: s.profileId,
      chart_account_id: rules.chartAccountId,
      monthly_amount_cents: o.amountCents ?? 9990,
      status,
      signed_on: o.signedOn ?? '2026-01-15',
      activated_at: status === 'awaiting_activation' ? null : new Date('2026-01-16T12:00:00Z'),
      suspended_at: status === 'suspended' ? new Date('2026-06-01T12:00:00Z') : null,
      cancelled_at: status === 'cancelled' ? new Date(o.cancelledAt ?? '2026-07-01T12:00:00-03:00') : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
