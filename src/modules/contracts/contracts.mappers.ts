import { addMonths, daysInMonth, formatDateBr } from '../../lib/dates.ts';
import type { ContractListRow, ContractStatus } from './contracts.repository.ts';

/** MK's status_contrato words (wire-formats §1.6); awaiting activation as in ConsultaClientes. */
export const STATUS_WORD: Record<string, string> = {
  active: 'Ativo',
  suspended: 'Suspenso',
  cancelled: 'Cancelado',
  awaiting_activation: 'Aguardando ativação',
};

/** The V2 `status` filter: MK words (accents and case ignored) or their first letter. */
export function parseStatusFilter(value: string): ContractStatus | null {
  const key = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
  const map: Record<string, ContractStatus> = {
    ativo: 'active',
    a: 'active',
    suspenso: 'suspended',
    s: 'suspended',
    cancelado: 'cancelled',
    c: 'cancelled',
    'aguardando ativacao': 'awaiting_activation',
    aguardando: 'awaiting_activation',
    g: 'awaiting_activation',
  };
  return map[key] ?? null;
}

const planName = (k: ContractListRow) => k.plan_name ?? k.product_name ?? '';

/** Next due date by the contract's due-date rule: this month's day if not past, else next month's. */
export function nextDueDate(today: string, dueDay: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const thisMonth = `${today.slice(0, 8)}${String(Math.min(dueDay, daysInMonth(y, m))).padStart(2, '0')}`;
  if (thisMonth >= today) return thisMonth;
  const next = addMonths(`${today.slice(0, 8)}01`, 1);
  const [ny, nm] = next.split('-').map(Number) as [number, number];
  return `${next.slice(0, 8)}${String(Math.min(dueDay, daysInMonth(ny, nm))).padStart(2, '0')}`;
}

/** An item of WSMKContratosPorCliente's ContratosAtivos (wire-formats §2, CONFIRMED keys). */
export const toActiveContract = (k: ContractListRow, today: string) => ({
  adesao: k.signed_on,
  cd_empresa: k.company_id,
  codcontrato: k.id,
  nome_empresa: k.company_name,
  plano_acesso: planName(k),
  previsao_vencimento: formatDateBr(nextDueDate(today, k.due_day)),
});

/** An item of WSMKContratosPorClienteV2 (the four CONFIRMED keys). */
export const toContractV2 = (k: ContractListRow) => ({
  adesao: k.signed_on,
  codcontrato: k.id,
  plano_acesso: planName(k),
  status_contrato: STATUS_WORD[k.status] ?? k.status,
});

/** An item of WSMKconsultaContratoDoc (INFERRED: the V1 keys + status, customer and value). */
export const toContractByDoc = (k: ContractListRow, today: string) => ({
  ...toActiveContract(k, today),
  codpessoa: k.customer_id,
  status_contrato: STATUS_WORD[k.status] ?? k.status,
  valor: k.monthly_amount_cents / 100,
});
