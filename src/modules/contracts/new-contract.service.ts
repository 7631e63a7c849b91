import type { Db } from '../../db/database.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import type { Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { addMonths, formatDateBr, todayInSaoPaulo } from '../../lib/dates.ts';
import { parseMoneyToCents } from '../../lib/money.ts';
import { invalid, unknownCode } from '../addresses/address-input.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { findCustomer, insertStatusChange } from './contracts.repository.ts';

/** CodigoMetodoFaturamento → billing_method (1 and 2 are the methods MK documents). */
export const BILLING_METHODS = { 1: 'invoice_per_charge', 2: 'group_charges', 3: 'manual' } as const;

export interface NewContractInput {
  customerId: number;
  planTypeId: number;
  planId: number;
  dueDateRuleId: number;
  slaTableId?: number;
  ignoreAutoRenew: boolean;
  renewalAmount?: string;
  blockingRuleId: number;
  inactivityDiscountId?: number;
  paymentMethodId: number;
  paymentProfileId: number;
  billingMethod: keyof typeof BILLING_METHODS;
  discountId?: number;
  chartAccountId: number;
  salesConsultantId?: number;
  welcomeEmail: boolean;
  welcomeEmailTo?: string;
  awaitActivation: boolean;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Checks that a code exists in its lookup (active, and of the customer's company where it has one). */
async function must<T>(row: Promise<T | undefined>, param: string): Promise<T> {
  const found = await row;
  if (!found) throw unknownCode(param);
  return found;
}

async function validate(tx: Tx, i: NewContractInput) {
  const customer = await findCustomer(tx, i.customerId);
  if (!customer) throw unknownCode('CodigoCliente');
  if (customer.person_type === 'pre_registration') throw new MkError('conflict', 'Cliente em pré-cadastro: complete o cadastro antes de criar o contrato.');
  if (customer.status !== 'active') throw new MkError('conflict', 'Cliente inativo: reative o cadastro antes de criar o contrato.');
  const companyId = customer.company_id;

  await must(tx.selectFrom('plan_types').select('id').where('id', '=', i.planTypeId).executeTakeFirst(), 'CodigoTipoPlano');
  let plan: { name: string; price_cents: number; contract_months: number | null };
  if (i.planTypeId === 12) {
    plan = await must(
      tx
        .selectFrom('crm_products')
        .select(['name', 'price_cents'])
        .select((eb) => eb.val<number | null>(null).as('contract_months'))
        .where('id', '=', i.planId)
        .where('company_id', '=', companyId)
        .where('active', '=', true)
        .executeTakeFirst(),
      'CodigoPlanoAcesso',
    );
  } else {
    const row = await must(
      tx
        .selectFrom('access_plans')
        .select(['name', 'price_cents', 'contract_months', 'plan_type_id'])
        .where('id', '=', i.planId)
        .where('company_id', '=', companyId)
        .where('active', '=', true)
        .executeTakeFirst(),
      'CodigoPlanoAcesso',
    );
    if (row.plan_type_id !== i.planTypeId) throw invalid('CodigoPlanoAcesso', 'o plano não é do tipo informado em CodigoTipoPlano');
    plan = row;
  }
  await must(tx.selectFrom('due_date_rules').select('id').where('id', '=', i.dueDateRuleId).where('active', '=', true).executeTakeFirst(), 'CodigoRegraVencimento');

  // "Obrigatório caso tenha configuração ativa": SLA is in use when an active SLA table exists.
  const slaInUse = await tx.selectFrom('sla_tables').select('id').where('active', '=', true).limit(1).executeTakeFirst();
  if (slaInUse && i.slaTableId === undefined) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: CodigoSLA.');
  if (i.slaTableId !== undefined) {
    await must(tx.selectFrom('sla_tables').select('id').where('id', '=', i.slaTableId).where('active', '=', true).executeTakeFirst(), 'CodigoSLA');
  }
  await must(tx.selectFrom('blocking_rules').select('id').where('id', '=', i.blockingRuleId).where('active', '=', true).executeTakeFirst(), 'CodigoRegraBloqueio');
  if (i.inactivityDiscountId !== undefined) {
    await must(
      tx.selectFrom('discounts').select('id').where('id', '=', i.inactivityDiscountId).where('purpose', '=', 'inactivity').where('active', '=', true).executeTakeFirst(),
      'DescontoInatividade',
    );
  }
  if (i.discountId !== undefined) {
    await must(
      tx.selectFrom('discounts').select('id').where('id', '=', i.discountId).where('purpose', '<>', 'inactivity').where('active', '=', true).executeTakeFirst(),
      'CodigoDescontoAplicado',
    );
  }
  await must(tx.selectFrom('payment_methods').select('id').where('id', '=', i.paymentMethodId).executeTakeFirst(), 'CodigoFormaPagamento');
  const profile = await must(
    tx
      .selectFrom('payment_profiles')
      .select(['id', 'payment_method_id'])
      .where('id', '=', i.paymentProfileId)
      .where('company_id', '=', companyId)
      .where('active', '=', true)
      .executeTakeFirst(),
    'CodigoProfilePagamento',
  );
  if (profile.payment_method_id !== i.paymentMethodId) throw invalid('CodigoProfilePagamento', 'a profile não é da forma de pagamento informada');
  // Contracts post to active leaf revenue accounts only.
  await must(
    tx
      .selectFrom('chart_of_accounts as a')
      .select('a.id')
      .where('a.id', '=', i.chartAccountId)
      .where('a.kind', '=', 'revenue')
      .where('a.accepts_entries', '=', true)
      .where('a.active', '=', true)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('chart_of_accounts as ch').select('ch.id').whereRef('ch.parent_id', '=', 'a.id'))))
      .executeTakeFirst(),
    'CodigoPlanoContas',
  );
  if (i.salesConsultantId !== undefined) {
    await must(
      tx.selectFrom('sales_consultants').select('id').where('id', '=', i.salesConsultantId).where('company_id', '=', companyId).where('active', '=', true).executeTakeFirst(),
      'ConsultorCRM',
    );
  }
  const company = await tx.selectFrom('companies').select(['trade_name']).where('id', '=', companyId).executeTakeFirstOrThrow();
  return { customer, plan, company };
}

/** Checks the parameters that need no database, in the documented order of the conditions. */
function checkInput(i: NewContractInput): number | null {
  if (i.welcomeEmail && i.welcomeEmailTo === undefined) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: EmailDst (EnviarBV=S).');
  if (i.welcomeEmailTo !== undefined && (i.welcomeEmailTo.length > 254 || !EMAIL.test(i.welcomeEmailTo))) throw invalid('EmailDst', 'e-mail inválido');
  if (i.renewalAmount === undefined) return null;
  const cents = parseMoneyToCents(i.renewalAmount);
  if (cents === null) throw invalid('ValorSugeridoRenovacao', 'valor em reais, ex. 99,90');
  return cents;
}

/**
 * WSMKNovoContrato: validates every code against its lookup, then creates the contract (active,
 * or awaiting activation), its first status-history row and the audit row in one transaction.
 * The welcome e-mail is queued in the same transaction (sent only if the contract exists).
 */
export async function createContract(db: Db, caller: Caller | null, now: Date, i: NewContractInput) {
  const renewalCents = checkInput(i);
  return withTransaction(db, async (tx) => {
    const { customer, plan, company } = await validate(tx, i);
    const today = todayInSaoPaulo(now);
    const status = i.awaitActivation ? 'awaiting_activation' : 'active';
    const months = plan.contract_months ?? 0;
    const contract = await tx
      .insertInto('contracts')
      .values({
        company_id: customer.company_id,
        customer_id: customer.id,
        plan_type_id: i.planTypeId,
        access_plan_id: i.planTypeId === 12 ? null : i.planId,
        crm_product_id: i.planTypeId === 12 ? i.planId : null,
        due_date_rule_id: i.dueDateRuleId,
        sla_table_id: i.slaTableId ?? null,
        blocking_rule_id: i.blockingRuleId,
        payment_method_id: i.paymentMethodId,
        payment_profile_id: i.paymentProfileId,
        billing_method: BILLING_METHODS[i.billingMethod],
        discount_id: i.discountId ?? null,
        inactivity_discount_id: i.inactivityDiscountId ?? null,
        chart_account_id: i.chartAccountId,
        sales_consultant_id: i.salesConsultantId ?? null,
        monthly_amount_cents: plan.price_cents,
        auto_renew: !i.ignoreAutoRenew,
        renewal_amount_cents: renewalCents,
        status,
        signed_on: today,
        ends_on: months > 0 ? addMonths(today, months) : null,
        activated_at: status === 'active' ? now : null,
        welcome_email_to: i.welcomeEmail ? (i.welcomeEmailTo ?? null) : null,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    await insertStatusChange(tx, { contractId: contract.id, from: null, to: status, reasonId: null, note: null, operatorId: caller?.operatorId ?? null, at: now });
    if (i.welcomeEmail && i.welcomeEmailTo) {
      await enqueueEmail(tx, {
        recipient: i.welcomeEmailTo,
        subject: `Bem-vindo(a) à ${company.trade_name}`,
        body: [
          `Olá, ${customer.name}!`,
          '',
          `Seu contrato nº ${contract.id} (${plan.name}) foi registrado em ${formatDateBr(today)}.`,
          status === 'active' ? 'O serviço já está ativo.' : 'Avisaremos assim que o serviço for ativado.',
          '',
          `Equipe ${company.trade_name}`,
        ].join('\n'),
        purpose: 'welcome',
        customerId: customer.id,
        at: now,
      });
    }
    await writeAudit(tx, {
      actor: callerActor(caller),
      action: 'contract.create',
      entity: 'contract',
      entityId: contract.id,
      details: { customerId: customer.id, status, planTypeId: i.planTypeId, planId: i.planId, welcomeEmail: Boolean(i.welcomeEmail) },
      at: now,
    });
    return contract;
  });
}
