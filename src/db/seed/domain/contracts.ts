import { createHash } from 'node:crypto';
import { addDays, addMonths, compareIsoDates, daysBetween } from '../../../lib/dates.ts';
import type { CustomerDraft } from './customers.ts';
import type { PlanRef, SeedContext, World } from './world.ts';
import { businessInstant, daysAgo } from './world.ts';

export type ContractStatus = 'awaiting_activation' | 'active' | 'suspended' | 'cancelled';
export type PaymentMethod = 'boleto' | 'pix' | 'card' | 'deposit';

export interface ContractDraft {
  id: number;
  status: ContractStatus;
  planTypeId: number;
  accessPlanId: number | null;
  crmProductId: number | null;
  /** The internet plan a connection of this contract delivers (null for TV/phone contracts). */
  internetPlan: PlanRef | null;
  planName: string;
  monthlyCents: number;
  signedOn: string;
  activatedOn: string | null;
  suspendedOn: string | null;
  cancelledOn: string | null;
  /** Last day billed (suspension or cancellation), null while billing goes on. */
  billingEndsOn: string | null;
  dueRule: World['dueDateRules'][number];
  blockingRule: World['blockingRules'][number];
  paymentMethod: PaymentMethod;
  profileId: number;
  chartAccountId: number;
  punctualityDiscount: boolean;
  installationFee: boolean;
  /** Fixed demo customer: the last past invoice stays open. */
  forceOverdue: boolean;
  acceptancePending: boolean;
}

/** What a fixed demo customer's single contract must be. */
export interface FixedContract {
  planName: string;
  paymentMethod: PaymentMethod;
  blockingRule: number;
  forceOverdue: boolean;
  signedDaysAgo: number;
}

function pickStatus(ctx: SeedContext): ContractStatus {
  const x = ctx.r.next();
  return x < 0.78 ? 'active' : x < 0.89 ? 'cancelled' : x < 0.94 ? 'suspended' : 'awaiting_activation';
}

const between = (ctx: SeedContext, from: string, to: string): string =>
  compareIsoDates(from, to) >= 0 ? from : addDays(from, ctx.r.int(0, daysBetween(from, to)));

/** Contract decisions for a customer; pre-registrations have none. */
export function planContracts(ctx: SeedContext, world: World, c: CustomerDraft, fixed?: FixedContract): ContractDraft[] {
  if (c.personType === 'pre_registration') return [];
  const { r } = ctx;
  const company = c.company;
  const status = fixed ? 'active' : pickStatus(ctx);
  const business = c.personType === 'company';
  let plan: PlanRef;
  let crm: (typeof company.crmProducts)[number] | undefined;
  if (fixed) plan = company.plans.find((p) => p.name === fixed.planName) as PlanRef;
  else if (!business && r.chance(0.06)) {
    crm = r.pick(company.crmProducts);
    plan = company.plans.find((p) => p.id === crm?.internetPlanId) as PlanRef;
  } else {
    const internet = company.plans.filter((p) => p.planTypeId === 1);
    const wireless = c.city.tower !== null && r.chance(0.1);
    const legacy = r.chance(0.05);
    plan = (
      wireless ? internet.find((p) => p.technology === 'wireless')
      : legacy ? internet.find((p) => !p.active)
      : business && r.chance(0.7) ? internet.find((p) => p.business)
      : r.pick(internet.filter((p) => p.active && !p.business && p.technology === 'ftth'))
    ) as PlanRef;
  }
  if (status === 'awaiting_activation' && compareIsoDates(c.createdOn, daysAgo(ctx, 15)) < 0) c.createdOn = daysAgo(ctx, r.int(0, 15));
  const signedOn = fixed ? daysAgo(ctx, fixed.signedDaysAgo) : addDays(c.createdOn, r.int(0, 3));
  const first = draftContract(ctx, world, c, {
    status, plan, crm, signedOn: compareIsoDates(signedOn, ctx.today) > 0 ? ctx.today : signedOn, business, fixed,
  });
  const contracts = [first];
  if (!fixed && first.status === 'active' && r.chance(0.07)) {
    const extra = company.plans.filter((p) => p.planTypeId !== 1);
    const second = draftContract(ctx, world, c, {
      status: 'active', plan: r.pick(extra), crm: undefined, signedOn: between(ctx, first.signedOn, ctx.today), business,
    });
    contracts.push(second);
  }
  return contracts;
}

function draftContract(
  ctx: SeedContext, world: World, c: CustomerDraft,
  o: { status: ContractStatus; plan: PlanRef; crm: { id: number; name: string; priceCents: number } | undefined; signedOn: string; business: boolean; fixed?: FixedContract },
): ContractDraft {
  const { r } = ctx;
  const company = c.company;
  const activatedOn = o.status === 'awaiting_activation' ? null : between(ctx, addDays(o.signedOn, 1), addDays(o.signedOn, 7));
  const activeFrom = activatedOn && compareIsoDates(activatedOn, ctx.today) > 0 ? ctx.today : activatedOn;
  // Suspended or cancelled at least 60 days after activation when possible, never in the future.
  const endOn = (limit: string): string | null => {
    if (!activeFrom || compareIsoDates(activeFrom, limit) > 0) return null;
    const late = addDays(activeFrom, 60);
    return between(ctx, compareIsoDates(late, limit) > 0 ? activeFrom : late, limit);
  };
  const suspendedOn = o.status === 'suspended' ? endOn(daysAgo(ctx, 5)) : null;
  const cancelledOn = o.status === 'cancelled' ? endOn(daysAgo(ctx, 1)) : null;
  const status: ContractStatus = (o.status === 'suspended' && !suspendedOn) || (o.status === 'cancelled' && !cancelledOn) ? 'active' : o.status;
  const methodRoll = r.next();
  const paymentMethod: PaymentMethod = o.fixed?.paymentMethod ?? (methodRoll < 0.8 ? 'boleto' : methodRoll < 0.92 ? 'pix' : methodRoll < 0.97 ? 'card' : 'deposit');
  const blockingRule = world.blockingRules[o.fixed?.blockingRule ?? (o.business ? 1 : r.chance(0.85) ? 0 : 2)] as World['blockingRules'][number];
  const internet = o.plan.planTypeId === 1;
  return {
    id: ctx.ids.next('contracts'), status,
    planTypeId: o.crm ? 12 : o.plan.planTypeId, accessPlanId: o.crm ? null : o.plan.id, crmProductId: o.crm?.id ?? null,
    internetPlan: internet ? o.plan : null,
    planName: o.crm?.name ?? o.plan.name,
    monthlyCents: o.crm?.priceCents ?? o.plan.priceCents,
    signedOn: o.signedOn, activatedOn: activeFrom, suspendedOn, cancelledOn,
    billingEndsOn: suspendedOn ?? cancelledOn,
    dueRule: o.fixed ? (world.dueDateRules.reduce((best, rule) => (overdueDays(ctx, rule.day) < overdueDays(ctx, best.day) ? rule : best))) : r.pick(world.dueDateRules),
    blockingRule, paymentMethod,
    profileId: company.profiles[paymentMethod],
    chartAccountId: internet ? world.chartAccounts.internet : world.chartAccounts.tv,
    punctualityDiscount: !o.fixed && r.chance(0.2),
    installationFee: !o.fixed && r.chance(0.15),
    forceOverdue: o.fixed?.forceOverdue ?? false,
    acceptancePending: status === 'awaiting_activation' && r.chance(0.5),
  };
}

/** Days since the last due date with this day of month (at least 1: strictly past). */
function overdueDays(ctx: SeedContext, day: number): number {
  let due = `${ctx.today.slice(0, 7)}-${String(day).padStart(2, '0')}`;
  if (compareIsoDates(due, ctx.today) >= 0) due = addMonths(due, -1);
  return daysBetween(due, ctx.today);
}

/** Writes a contract, its status history and its acceptance records. */
export function emitContract(ctx: SeedContext, world: World, c: CustomerDraft, k: ContractDraft): void {
  const { r, batch, ids } = ctx;
  const signedAt = businessInstant(r, k.signedOn);
  const activatedAt = k.activatedOn ? businessInstant(r, k.activatedOn) : null;
  const suspendedAt = k.suspendedOn ? businessInstant(r, k.suspendedOn) : null;
  const cancelledAt = k.cancelledOn ? businessInstant(r, k.cancelledOn) : null;
  const months = k.internetPlan?.business ? 24 : 12;
  const suspensionReason = suspendedAt ? r.pick(world.suspensionReasonIds) : null;
  const cancellationReason = cancelledAt ? r.pick(world.cancellationReasonIds) : null;
  const consultant = r.chance(0.3) ? r.pick(c.company.salesConsultantIds) : null;
  batch.add('contracts', {
    id: k.id, company_id: c.company.id, customer_id: c.id, plan_type_id: k.planTypeId, access_plan_id: k.accessPlanId,
    crm_product_id: k.crmProductId, due_date_rule_id: k.dueRule.id, sla_table_id: world.slaIds[c.personType === 'company' ? 1 : 0] ?? null,
    blocking_rule_id: k.blockingRule.id, payment_method_id: { boleto: 1, pix: 101, card: 3, deposit: 4 }[k.paymentMethod],
    payment_profile_id: k.profileId, billing_method: 'invoice_per_charge',
    discount_id: k.punctualityDiscount ? world.discounts.punctuality : null, inactivity_discount_id: null,
    chart_account_id: k.chartAccountId, sales_consultant_id: consultant, lead_id: null,
    monthly_amount_cents: k.monthlyCents, auto_renew: r.chance(0.9), renewal_amount_cents: null, status: k.status,
    signed_on: k.signedOn, ends_on: addMonths(k.signedOn, months), activated_at: activatedAt,
    suspended_at: suspendedAt, suspension_reason_id: suspensionReason,
    suspension_note: suspendedAt ? 'Suspensão solicitada; conexão bloqueada até a reativação.' : null,
    reactivate_on: k.suspendedOn && r.chance(0.5) ? addDays(ctx.today, r.int(5, 60)) : null,
    cancelled_at: cancelledAt, cancellation_reason_id: cancellationReason,
    cancellation_note: cancelledAt ? 'Cancelamento registrado a pedido do titular.' : null,
    notes: null, welcome_email_to: c.email, welcome_email_sent_at: c.email ? signedAt : null,
    created_at: signedAt, updated_at: cancelledAt ?? suspendedAt ?? activatedAt ?? signedAt,
  });
  const change = (from: ContractStatus | null, to: ContractStatus, at: Date, reason: number | null) =>
    batch.add('contract_status_changes', {
      id: ids.next('contract_status_changes'), contract_id: k.id, from_status: from, to_status: to, reason_id: reason,
      note: null, operator_id: ctx.operatorIds[0] ?? null, changed_at: at,
    });
  change(null, 'awaiting_activation', signedAt, null);
  if (activatedAt) change('awaiting_activation', 'active', activatedAt, null);
  if (suspendedAt) change('active', 'suspended', suspendedAt, suspensionReason);
  if (cancelledAt) change('active', 'cancelled', cancelledAt, cancellationReason);

  if (compareIsoDates(k.signedOn, daysAgo(ctx, 730)) < 0) return;
  for (const termId of c.company.termIds) {
    const pending = k.acceptancePending;
    const channel = pending ? null : pickChannel(ctx);
    const acceptedAt = pending ? null : businessInstant(r, between(ctx, k.signedOn, addDays(k.signedOn, 2)));
    batch.add('contract_acceptances', {
      id: ids.next('contract_acceptances'), contract_id: k.id, acceptance_term_id: termId,
      status: pending ? 'pending' : 'accepted', requested_at: signedAt, accepted_at: acceptedAt, channel,
      selfie_file_id: channel === 'api' && acceptedAt ? imageFile(ctx, 'selfie', k.id, acceptedAt) : null,
      signature_file_id: channel === 'api' && acceptedAt ? imageFile(ctx, 'signature', k.id, acceptedAt) : null,
      client_ip: channel === 'api' || channel === 'app' ? `177.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}` : null,
    });
  }
}

function pickChannel(ctx: SeedContext): 'in_person' | 'sac' | 'app' | 'api' {
  const x = ctx.r.next();
  return x < 0.55 ? 'in_person' : x < 0.75 ? 'sac' : x < 0.9 ? 'app' : 'api';
}

/** A small SVG standing in for the photo or the drawn signature sent with an acceptance. */
function imageFile(ctx: SeedContext, kind: 'selfie' | 'signature', contractId: number, at: Date): number {
  const { r } = ctx;
  let shape = '';
  if (kind === 'signature') {
    let d = `M10 ${r.int(40, 60)}`;
    for (let x = 30; x <= 290; x += 20) d += ` Q${x - 10} ${r.int(10, 90)} ${x} ${r.int(30, 70)}`;
    shape = `<path d="${d}" fill="none" stroke="#1a237e" stroke-width="2"/>`;
  } else {
    const skin = r.pick(['#f1c27d', '#e0ac69', '#c68642', '#8d5524']);
    shape = `<rect width="300" height="100" fill="#cfd8dc"/><circle cx="150" cy="45" r="28" fill="${skin}"/><rect x="105" y="75" width="90" height="25" rx="10" fill="#37474f"/>`;
  }
  const content = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">${shape}</svg>`, 'utf8');
  const id = ctx.ids.next('files');
  ctx.batch.add('files', {
    id, name: `${kind}-contrato-${contractId}.svg`, mime_type: 'image/svg+xml', size_bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'), content, storage_path: null, kind, created_at: at,
  });
  return id;
}
