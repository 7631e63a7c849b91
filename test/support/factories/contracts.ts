// Rows for the contracts tests, inserted straight with Kysely (no demo seed).
import type { Db } from '../../../src/db/database.ts';
import { authModule } from '../../../src/modules/auth/index.ts';
import { contractsModule } from '../../../src/modules/contracts/index.ts';
import { customersModule } from '../../../src/modules/customers/index.ts';
import type { Module } from '../../../src/modules/module.ts';
import { notificationsModule } from '../../../src/modules/notifications/index.ts';
import { createCustomer, createWorld } from './customers.ts';

/** The modules the contracts tests exercise (ConsultaDoc is in customers). */
export const contractModules = (): Module[] => [authModule, customersModule, contractsModule, notificationsModule];

let seq = 0;
const next = () => ++seq;

/** A company with every lookup NovoContrato checks: valid ones, and an invalid twin of each. */
export async function createLookups(db: Db) {
  const w = await createWorld(db);
  const n = next();
  const companyId = w.company.id;
  const other = await createWorld(db);
  const plan = (name: string, o: { type?: number; active?: boolean; company?: number; price?: number; months?: number } = {}) =>
    db
      .insertInto('access_plans')
      .values({
        company_id: o.company ?? companyId,
        plan_type_id: o.type ?? 1,
        name: `${name} ${n}`,
        download_kbps: 300_000,
        upload_kbps: 150_000,
        price_cents: o.price ?? 9990,
        contract_months: o.months ?? 12,
        active: o.active ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const bank = await db
    .insertInto('bank_accounts')
    .values({ company_id: companyId, description: `Banco ${n}`, bank_code: '237', agency: '1234', account_number: '56789', wallet: '9' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const profile = (method: number, o: { active?: boolean; company?: number } = {}) =>
    db
      .insertInto('payment_profiles')
      .values({ company_id: o.company ?? companyId, name: `Perfil ${method} ${next()}`, payment_method_id: method, bank_account_id: bank.id, active: o.active ?? true })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const chart = (code: string, o: { kind?: 'revenue' | 'expense'; parent?: number; entries?: boolean; active?: boolean } = {}) =>
    db
      .insertInto('chart_of_accounts')
      .values({
        code: `8${n}.${code}`,
        name: `Conta ${code}`,
        kind: o.kind ?? 'revenue',
        parent_id: o.parent ?? null,
        accepts_entries: o.entries ?? true,
        active: o.active ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const chartParent = await chart('1', { entries: false });
  const chartLeaf = await chart('1.1', { parent: chartParent });
  // A "leaf" flag on an account that still has children: not a leaf.
  const chartWithChild = await chart('2', { entries: true });
  await chart('2.1', { parent: chartWithChild });
  const discount = (purpose: 'inactivity' | 'promotional', active = true) =>
    db
      .insertInto('discounts')
      .values({ name: `Desconto ${purpose} ${next()}`, purpose, percent_basis_points: 1000, active })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const crm = await db
    .insertInto('crm_products')
    .values({ company_id: companyId, name: `COMBO ${n}`, price_cents: 15990 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consultant = await db.insertInto('sales_consultants').values({ company_id: companyId, name: `Vendedor ${n}` }).returning('id').executeTakeFirstOrThrow();
  return {
    world: w,
    companyId,
    planId: await plan('FIBRA 300'),
    inactivePlanId: await plan('FIBRA ANTIGA', { active: false }),
    iptvPlanId: await plan('IPTV', { type: 8, price: 4990, months: 0 }),
    otherCompanyPlanId: await plan('FIBRA OUTRA', { company: other.company.id }),
    crmProductId: crm.id,
    dueRuleId: (await db.insertInto('due_date_rules').values({ name: `Dia 10 c${n}`, due_day: 10 }).returning('id').executeTakeFirstOrThrow()).id,
    inactiveDueRuleId: (await db.insertInto('due_date_rules').values({ name: `Dia 20 c${n}`, due_day: 20, active: false }).returning('id').executeTakeFirstOrThrow()).id,
    blockingRuleId: (await db.insertInto('blocking_rules').values({ name: `Régua c${n}`, block_after_days: 15 }).returning('id').executeTakeFirstOrThrow()).id,
    inactiveBlockingRuleId: (await db.insertInto('blocking_rules').values({ name: `Régua velha c${n}`, block_after_days: 15, active: false }).returning('id').executeTakeFirstOrThrow()).id,
    inactivityDiscountId: await discount('inactivity'),
    promoDiscountId: await discount('promotional'),
    inactivePromoDiscountId: await discount('promotional', false),
    boletoProfileId: await profile(1),
    pixProfileId: await profile(101),
    inactiveProfileId: await profile(1, { active: false }),
    chartLeafId: chartLeaf,
    chartParentId: chartParent,
    chartWithChildId: chartWithChild,
    chartExpenseId: await chart('3', { kind: 'expense' }),
    chartInactiveId: await chart('4', { active: false }),
    consultantId: consultant.id,
    newCustomer: (o: { status?: 'active' | 'inactive'; personType?: 'individual' | 'pre_registration'; email?: string | null } = {}) =>
      createCustomer(db, { companyId, streetId: w.place.streetId, ...o, document: o.personType === 'pre_registration' ? null : undefined }),
  };
}

export type Lookups = Awaited<ReturnType<typeof createLookups>>;

/** A complete, valid WSMKNovoContrato parameter set for a customer. */
export const novoContratoParams = (l: Lookups, customerId: number): Record<string, string | number> => ({
  CodigoCliente: customerId,
  CodigoTipoPlano: 1,
  CodigoPlanoAcesso: l.planId,
  CodigoRegraVencimento: l.dueRuleId,
  CodigoRegraBloqueio: l.blockingRuleId,
  CodigoFormaPagamento: 1,
  CodigoProfilePagamento: l.boletoProfileId,
  CodigoMetodoFaturamento: 1,
  CodigoPlanoContas: l.chartLeafId,
});
