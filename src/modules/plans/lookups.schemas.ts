// Wire items of the rule lists (all INFERRED: docs/compat/plans.md) and their mappers.
import { Type } from '@sinclair/typebox';
import { centsToDecimal } from '../../lib/money.ts';
import type * as repo from './lookups.repository.ts';
import { simNao } from './plans.schemas.ts';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

const int = Type.Integer();
const str = Type.String();
const nullableInt = Type.Union([Type.Integer(), Type.Null()]);
const nullableNum = Type.Union([Type.Number(), Type.Null()]);
/** Basis points → percent as a JSON number: 250 → 2.5. */
const percent = (basisPoints: number) => basisPoints / 100;

export const dueDateItem = Type.Object({ codigo: int, descricao: str, dia_vencimento: int, dias_antecedencia_emissao: int });
export const toDueDateItem = (r: Row<typeof repo.listDueDateRules>) => ({
  codigo: r.id,
  descricao: r.name,
  dia_vencimento: r.due_day,
  dias_antecedencia_emissao: r.issue_days_before,
});

export const slaItem = Type.Object({ codigo: int, descricao: str, horas_atendimento: int, horas_solucao: int });
export const toSlaItem = (r: Row<typeof repo.listSlaTables>) => ({
  codigo: r.id,
  descricao: r.name,
  horas_atendimento: r.response_hours,
  horas_solucao: r.resolution_hours,
});

export const blockingItem = Type.Object({
  codigo: int,
  descricao: str,
  dias_reducao: nullableInt,
  percentual_velocidade_reduzida: nullableInt,
  dias_bloqueio: int,
  dias_auto_desbloqueio: int,
  auto_desbloqueios_mes: int,
});
export const toBlockingItem = (r: Row<typeof repo.listBlockingRules>) => ({
  codigo: r.id,
  descricao: r.name,
  dias_reducao: r.reduce_after_days,
  percentual_velocidade_reduzida: r.reduced_speed_percent,
  dias_bloqueio: r.block_after_days,
  dias_auto_desbloqueio: r.self_unblock_days,
  auto_desbloqueios_mes: r.self_unblocks_per_month,
});

const PURPOSE: Record<string, string> = {
  punctuality: 'Pontualidade',
  inactivity: 'Inatividade',
  promotional: 'Promocional',
  loyalty: 'Fidelidade',
};

export const discountItem = Type.Object({
  codigo: int,
  descricao: str,
  tipo: Type.String({ description: 'Pontualidade, Inatividade (DescontoInatividade), Promocional, Fidelidade' }),
  percentual: nullableNum,
  valor: nullableNum,
  dias_antecedencia: nullableInt,
});
export const toDiscountItem = (r: Row<typeof repo.listDiscounts>) => ({
  codigo: r.id,
  descricao: r.name,
  tipo: PURPOSE[r.purpose] ?? r.purpose,
  percentual: r.percent_basis_points === null ? null : percent(r.percent_basis_points),
  valor: r.amount_cents === null ? null : centsToDecimal(r.amount_cents),
  dias_antecedencia: r.days_before_due,
});

export const chartItem = Type.Object({ codigo: int, classificacao: str, descricao: str });
export const toChartItem = (r: Row<typeof repo.listChartAccounts>) => ({ codigo: r.id, classificacao: r.code, descricao: r.name });

const conditionItem = Type.Object({ codigo: int, descricao: str, parcelas: int, valor_minimo: Type.Number(), taxa: Type.Number() });
export const profileItem = Type.Object({
  codigo: int,
  descricao: str,
  cd_empresa: int,
  codigo_forma_pagamento: int,
  forma_pagamento: str,
  codigo_conta: nullableInt,
  pix: Type.String({ description: 'Sim/Não' }),
  multa: Type.Number({ description: 'percent' }),
  juros_mes: Type.Number({ description: 'percent a month' }),
  condicoes: Type.Array(conditionItem, { description: 'card profiles: the FormaPgto codes of WSMKLiquidacaoFaturas' }),
});
export const toProfileItem = (r: Row<typeof repo.listPaymentProfiles>, conditions: Row<typeof repo.listCardConditions>[]) => ({
  codigo: r.id,
  descricao: r.name,
  cd_empresa: r.company_id,
  codigo_forma_pagamento: r.payment_method_id,
  forma_pagamento: r.method_name,
  codigo_conta: r.bank_account_id,
  pix: simNao(r.pix_enabled),
  multa: percent(r.late_fee_basis_points),
  juros_mes: percent(r.monthly_interest_basis_points),
  condicoes: conditions.map((c) => ({
    codigo: c.id,
    descricao: c.description,
    parcelas: c.installments,
    valor_minimo: centsToDecimal(c.min_amount_cents),
    taxa: percent(c.fee_basis_points),
  })),
});

const ACCOUNT_KIND: Record<string, string> = { bank: 'Banco', cash: 'Caixa', payment_institution: 'Instituição de pagamento' };
const withDigit = (value: string | null, digit: string | null) => (value === null ? '' : digit === null ? value : `${value}-${digit}`);

export const bankAccountItem = Type.Object({
  codigo: int,
  descricao: str,
  cd_empresa: int,
  tipo: str,
  banco: Type.String({ description: 'FEBRABAN code, "" for cash' }),
  agencia: str,
  conta: str,
  carteira: str,
});
export const toBankAccountItem = (r: Row<typeof repo.listBankAccounts>) => ({
  codigo: r.id,
  descricao: r.description,
  cd_empresa: r.company_id,
  tipo: ACCOUNT_KIND[r.kind] ?? r.kind,
  banco: r.bank_code ?? '',
  agencia: withDigit(r.agency, r.agency_digit),
  conta: withDigit(r.account_number, r.account_digit),
  carteira: r.wallet ?? '',
});
