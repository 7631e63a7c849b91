import { BANKS } from './data-places.ts';
import type { CompanyBase } from './seed-places.ts';
import type { BankAccountRef, CompanyRef, PlanRef, SeedContext, World } from './world.ts';
import { businessInstant, daysAgo } from './world.ts';

export type CompanyCatalog = Omit<CompanyRef, 'staticPool' | 'serverIds'>;

type Rules = Pick<
  World,
  | 'dueDateRules' | 'slaIds' | 'blockingRules' | 'discounts' | 'chartAccounts' | 'classificationIds'
  | 'resellerIds' | 'attendanceGroupIds' | 'suspensionReasonIds' | 'cancellationReasonIds'
  | 'invoiceSuspensionReasonIds'
>;

// name, plan type, down/up Mbps, price in centavos, technology, business, active
const PLAN_SPECS: [string, number, number, number, number, 'ftth' | 'wireless' | null, boolean, boolean][] = [
  ['FIBRA 300 MEGA', 1, 300, 150, 9990, 'ftth', false, true],
  ['FIBRA 500 MEGA', 1, 500, 250, 11990, 'ftth', false, true],
  ['FIBRA 700 MEGA', 1, 700, 350, 14990, 'ftth', false, true],
  ['FIBRA 1 GIGA', 1, 1000, 500, 19990, 'ftth', false, true],
  ['RÁDIO 20 MEGA', 1, 20, 10, 7990, 'wireless', false, true],
  ['EMPRESARIAL 600 MEGA', 1, 600, 600, 29990, 'ftth', true, true],
  ['FIBRA 100 MEGA', 1, 100, 50, 6990, 'ftth', false, false],
  ['WATCH TV', 11, 0, 0, 2990, null, false, true],
  ['TELEFONIA FIXA ILIMITADA', 2, 0, 0, 3990, null, false, true],
];

export function seedRules(ctx: SeedContext): Rules {
  const { batch, ids } = ctx;
  const add = <T extends 'customer_classifications' | 'resellers' | 'attendance_groups'>(table: T, name: string) => {
    const id = ids.next(table);
    batch.add(table, { id, name, active: true } as never);
    return id;
  };
  const dueDateRules = [5, 10, 15, 20, 25].map((day) => {
    const id = ids.next('due_date_rules');
    batch.add('due_date_rules', { id, name: `Vencimento dia ${String(day).padStart(2, '0')}`, due_day: day, issue_days_before: 10, active: true });
    return { id, day, issueDaysBefore: 10 };
  });
  const slaIds = ([['Residencial', 24, 72], ['Empresarial', 4, 8], ['Premium', 2, 4]] as const).map(([name, response, resolution]) => {
    const id = ids.next('sla_tables');
    batch.add('sla_tables', { id, name, response_hours: response, resolution_hours: resolution, active: true });
    return id;
  });
  const blockingRules = ([
    ['Régua padrão', 5, 50, 15, 3],
    ['Régua tolerante', null, null, 30, 5],
    ['Régua rígida', 3, 30, 7, 2],
  ] as const).map(([name, reduce, percent, block, unblockDays]) => {
    const id = ids.next('blocking_rules');
    batch.add('blocking_rules', {
      id, name, reduce_after_days: reduce, reduced_speed_percent: percent, block_after_days: block,
      self_unblock_days: unblockDays, self_unblocks_per_month: 1, active: true,
    });
    return { id, reduceAfterDays: reduce, blockAfterDays: block, selfUnblockDays: unblockDays };
  });
  const discount = (name: string, purpose: string, percent: number | null, amount: number | null, days: number | null) => {
    const id = ids.next('discounts');
    batch.add('discounts', { id, name, purpose, percent_basis_points: percent, amount_cents: amount, days_before_due: days, active: true });
    return id;
  };
  const discounts = {
    punctuality: discount('Pontualidade 5%', 'punctuality', 500, null, 0),
    loyalty: discount('Fidelidade R$ 10,00', 'loyalty', null, 1000, null),
    inactivity: discount('Inatividade 50%', 'inactivity', 5000, null, null),
    promotional: discount('Primeiro mês grátis', 'promotional', 10000, null, null),
  };
  const account = (code: string, name: string, kind: string, parent: number | null, leaf: boolean) => {
    const id = ids.next('chart_of_accounts');
    batch.add('chart_of_accounts', { id, code, name, kind, parent_id: parent, accepts_entries: leaf, active: true });
    return id;
  };
  const revenue = account('1', 'Receitas', 'revenue', null, false);
  const operating = account('1.01', 'Receitas operacionais', 'revenue', revenue, false);
  const chartAccounts = {
    internet: account('1.01.001', 'Mensalidades de internet', 'revenue', operating, true),
    tv: account('1.01.002', 'Mensalidades de TV e telefonia', 'revenue', operating, true),
    installation: account('1.01.003', 'Taxas de instalação', 'revenue', operating, true),
    equipment: account('1.01.004', 'Locação e venda de equipamentos', 'revenue', operating, true),
  };
  const expenses = account('2', 'Despesas', 'expense', null, false);
  account('2.01', 'Link de trânsito IP', 'expense', expenses, true);
  account('2.02', 'Manutenção de rede', 'expense', expenses, true);
  const classificationIds = {
    residential: add('customer_classifications', 'Residencial'),
    business: add('customer_classifications', 'Empresarial'),
    condominium: add('customer_classifications', 'Condomínio'),
  };
  add('customer_classifications', 'Órgão público');
  add('customer_classifications', 'Rural');
  const resellerIds = ['Revenda Centro-Norte', 'Parceiro Rural Net'].map((n) => add('resellers', n));
  const attendanceGroupIds = ['Suporte N1', 'Suporte N2', 'Financeiro', 'Comercial'].map((n) => add('attendance_groups', n));
  const reason = (kind: 'suspension' | 'cancellation', description: string) => {
    const id = ids.next('contract_status_reasons');
    batch.add('contract_status_reasons', { id, kind, description, active: true });
    return id;
  };
  const suspensionReasonIds = ['Viagem', 'Inadimplência', 'Solicitação do cliente', 'Reforma do imóvel'].map((d) => reason('suspension', d));
  const cancellationReasonIds = ['Mudança de cidade', 'Insatisfação com o serviço', 'Inadimplência', 'Troca de provedor', 'Falecimento do titular'].map(
    (d) => reason('cancellation', d),
  );
  const invoiceSuspensionReasonIds = ['Contestação de cobrança', 'Acordo de renegociação', 'Cobrança indevida em análise'].map((description) => {
    const id = ids.next('invoice_suspension_reasons');
    batch.add('invoice_suspension_reasons', { id, description, active: true });
    return id;
  });
  return {
    dueDateRules, slaIds, blockingRules, discounts, chartAccounts, classificationIds, resellerIds,
    attendanceGroupIds, suspensionReasonIds, cancellationReasonIds, invoiceSuspensionReasonIds,
  };
}

/** Plans, CRM products, bank accounts, payment profiles, terms and sellers of each company. */
export function seedCompanyCatalog(ctx: SeedContext, company: CompanyBase, index: number): CompanyCatalog {
  const { r, batch, ids } = ctx;
  const created = businessInstant(r, daysAgo(ctx, 1800));
  const plans: PlanRef[] = PLAN_SPECS.map(([name, type, down, up, price, technology, business, active]) => {
    const id = ids.next('access_plans');
    const internet = type === 1;
    batch.add('access_plans', {
      id, company_id: company.id, plan_type_id: type, name,
      download_kbps: internet ? down * 1000 : null, upload_kbps: internet ? up * 1000 : null,
      reduced_download_kbps: internet ? Math.min(down * 1000, 2048) : null,
      reduced_upload_kbps: internet ? Math.min(up * 1000, 1024) : null,
      price_cents: price, contract_months: business ? 24 : 12, active, created_at: created, updated_at: created,
    });
    return { id, name, priceCents: price, planTypeId: type, technology, business, active };
  });
  const byName = (name: string) => plans.find((p) => p.name === name) as PlanRef;
  const crmProducts = ([
    ['COMBO FIBRA 500 + TV', 13990, ['FIBRA 500 MEGA', 'WATCH TV']],
    ['COMBO FIBRA 1 GIGA + TELEFONE', 22990, ['FIBRA 1 GIGA', 'TELEFONIA FIXA ILIMITADA']],
  ] as const).map(([name, price, planNames]) => {
    const id = ids.next('crm_products');
    batch.add('crm_products', { id, company_id: company.id, name, price_cents: price, active: true, created_at: created, updated_at: created });
    for (const planName of planNames) batch.add('crm_product_plans', { crm_product_id: id, access_plan_id: byName(planName).id });
    return { id, name, priceCents: price, internetPlanId: byName(planNames[0]).id };
  });

  const bank = BANKS[index === 0 ? 3 : 0] ?? { code: '001', name: 'Banco do Brasil' };
  const boletoAccount: BankAccountRef = {
    id: ids.next('bank_accounts'), bankCode: bank.code, agency: r.digits(4), account: r.digits(7), wallet: index === 0 ? '1' : '17',
  };
  batch.add('bank_accounts', {
    id: boletoAccount.id, company_id: company.id, description: `${bank.name} - cobrança`, kind: 'bank',
    bank_code: bank.code, agency: boletoAccount.agency, agency_digit: r.digits(1), account_number: boletoAccount.account,
    account_digit: r.digits(1), wallet: boletoAccount.wallet, beneficiary_code: r.digits(7), active: true,
  });
  const cardAccountId = ids.next('bank_accounts');
  batch.add('bank_accounts', {
    id: cardAccountId, company_id: company.id, description: 'Itaú - recebimentos de cartão', kind: 'bank',
    bank_code: '341', agency: r.digits(4), agency_digit: null, account_number: r.digits(5), account_digit: r.digits(1),
    wallet: '109', active: true,
  });
  const cashAccountId = ids.next('bank_accounts');
  batch.add('bank_accounts', { id: cashAccountId, company_id: company.id, description: 'Caixa da loja', kind: 'cash', active: true });

  // The second company has PIX switched off, so the "PIX not enabled" answer has demo data too.
  const pixEnabled = index === 0;
  const profile = (name: string, methodId: number, accountId: number, extra: { pix?: boolean; card?: boolean } = {}) => {
    const id = ids.next('payment_profiles');
    batch.add('payment_profiles', {
      id, company_id: company.id, name, payment_method_id: methodId, bank_account_id: accountId,
      pix_enabled: extra.pix ?? false, pix_environment: extra.pix ? 'production' : null,
      card_acquirer: extra.card ? 'cielo' : null, card_merchant_id: extra.card ? r.digits(10) : null, active: true,
    });
    return id;
  };
  const profiles = {
    boleto: profile(`Boleto ${bank.name}${pixEnabled ? ' + PIX' : ''}`, 1, boletoAccount.id, { pix: pixEnabled }),
    pix: profile('PIX', 101, boletoAccount.id, { pix: pixEnabled }),
    card: profile('Cartão de crédito Cielo', 3, cardAccountId, { card: true }),
    deposit: profile('Depósito em conta', 4, boletoAccount.id),
  };
  profile('Dinheiro na loja', 2, cashAccountId);
  const cardConditionIds = ([[1, 0, 0], [2, 10000, 199], [3, 30000, 299]] as const).map(([installments, min, fee]) => {
    const id = ids.next('payment_conditions');
    batch.add('payment_conditions', {
      id, payment_profile_id: profiles.card, description: installments === 1 ? 'À vista' : `${installments}x sem juros`,
      installments, min_amount_cents: min, fee_basis_points: fee, active: true,
    });
    return id;
  });
  const termIds = ([
    ['Contrato de prestação de serviço de comunicação multimídia', 1, false],
    ['Contrato de prestação de serviço de comunicação multimídia', 2, true],
    ['Termo de comodato de equipamentos', 1, true],
  ] as const).map(([title, version, active]) => {
    const id = ids.next('acceptance_terms');
    batch.add('acceptance_terms', {
      id, company_id: company.id, title, version, active, created_at: created,
      body: `${title} (versão ${version}). A CONTRATADA ${company.merchantName} presta ao CONTRATANTE o serviço descrito no plano contratado, conforme a Resolução Anatel nº 614/2013 e o Regulamento Geral de Direitos do Consumidor de Serviços de Telecomunicações.`,
    });
    return id;
  }).filter((_, i) => i > 0);
  const sellers = index === 0 ? ['RODRIGO ALVES', 'PATRÍCIA NUNES', 'FELIPE CAMPOS'] : ['JULIANA MOURA'];
  const salesConsultantIds = sellers.map((name) => {
    const id = ids.next('sales_consultants');
    const login = name.toLowerCase().split(' ')[0]?.normalize('NFD').replace(/\p{M}/gu, '');
    batch.add('sales_consultants', {
      id, company_id: company.id, name, email: `${login}@${index === 0 ? 'nortefibra' : 'paranapanemanet'}.com.br`,
      phone: `439${r.digits(8)}`, operator_id: null, active: true,
    });
    return id;
  });
  return {
    ...company, boletoAccount, cashAccountId, cardAccountId, profiles, pixEnabled, cardConditionIds,
    plans, crmProducts, termIds, salesConsultantIds,
  };
}
