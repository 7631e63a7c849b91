import type { Kysely } from 'kysely';
import { addDays, todayInSaoPaulo } from '../../lib/dates.ts';
import type { DB } from '../types.ts';

/** The documented demo customer (README): CPF 529.982.247-25. */
const DEMO_DOCUMENT = '52998224725';

/**
 * Contract demo data on top of the domain seed: the documented customer keeps her active
 * contract and gets a second one — an add-on signed yesterday, awaiting activation, with every
 * contract term of her company pending acceptance — so WSMKAceiteContratualPendente,
 * WSMKAceiteSelfieAssinatura and WSMKAtivarContrato can be tried on the demo server.
 * Deterministic: everything derives from `now` and the seeded rows.
 */
export async function seedDemoContracts(db: Kysely<DB>, opts: { now: Date }): Promise<Record<string, number>> {
  const customer = await db.selectFrom('customers').select(['id']).where('document', '=', DEMO_DOCUMENT).orderBy('id').executeTakeFirst();
  if (!customer) return {};
  const base = await db
    .selectFrom('contracts')
    .selectAll()
    .where('customer_id', '=', customer.id)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
  if (!base) return {};
  const addOn = await db
    .selectFrom('access_plans')
    .select(['id', 'plan_type_id', 'price_cents'])
    .where('company_id', '=', base.company_id)
    .where('active', '=', true)
    .where('plan_type_id', '<>', 1)
    .orderBy('id')
    .executeTakeFirst();
  const signedOn = addDays(todayInSaoPaulo(opts.now), -1);
  const signedAt = new Date(`${signedOn}T13:00:00Z`);
  const contract = await db
    .insertInto('contracts')
    .values({
      company_id: base.company_id,
      customer_id: customer.id,
      plan_type_id: addOn?.plan_type_id ?? base.plan_type_id,
      access_plan_id: addOn?.id ?? base.access_plan_id,
      crm_product_id: addOn ? null : base.crm_product_id,
      due_date_rule_id: base.due_date_rule_id,
      sla_table_id: base.sla_table_id,
      blocking_rule_id: base.blocking_rule_id,
      payment_method_id: base.payment_method_id,
      payment_profile_id: base.payment_profile_id,
      billing_method: 'invoice_per_charge',
      chart_account_id: base.chart_account_id,
      monthly_amount_cents: addOn?.price_cents ?? base.monthly_amount_cents,
      status: 'awaiting_activation',
      signed_on: signedOn,
      created_at: signedAt,
      updated_at: signedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('contract_status_changes')
    .values({ contract_id: contract.id, from_status: null, to_status: 'awaiting_activation', changed_at: signedAt })
    .execute();
  const terms = await db
    .selectFrom('acceptance_terms')
    .select('id')
    .where('company_id', '=', base.company_id)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  for (const term of terms) {
    await db
      .insertInto('contract_acceptances')
      .values({ contract_id: contract.id, acceptance_term_id: term.id, status: 'pending', requested_at: signedAt })
      .execute();
  }
  return { demo_contracts: 1, demo_pending_acceptances: terms.length };
}
