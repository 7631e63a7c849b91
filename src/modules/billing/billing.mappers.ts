import { formatLinhaDigitavel } from '../../lib/boleto.ts';
import { formatDateBr } from '../../lib/dates.ts';
import { centsToDecimal } from '../../lib/money.ts';
import type { InvoiceRow } from './billing.repository.ts';
import type { InvoiceWithItems } from './billing.service.ts';

/** Invoice state in MK words; an open invoice past its due date is "Vencida". */
export function invoiceSituation(invoice: Pick<InvoiceRow, 'status' | 'due_date'>, today: string): string {
  switch (invoice.status) {
    case 'paid':
      return 'Liquidada';
    case 'suspended':
      return 'Suspensa';
    case 'deleted':
      return 'Excluída';
    default:
      return invoice.due_date < today ? 'Vencida' : 'Aberta';
  }
}

export const sn = (flag: boolean): 'S' | 'N' => (flag ? 'S' : 'N');
export const simNao = (flag: boolean): 'Sim' | 'Não' => (flag ? 'Sim' : 'Não');
export const joinIds = (ids: number[]): string | null => (ids.length === 0 ? null : ids.join(','));

export const formatLd = (digits: string | null): string => (digits ? formatLinhaDigitavel(digits) : '');

/** FaturasPendentes item (wire-formats §2, CONFIRMED keys). */
export function pendingItem({ invoice, itemIds, contractIds }: InvoiceWithItems) {
  return {
    codfatura: invoice.id,
    contas: joinIds(itemIds),
    contratos: joinIds(contractIds),
    data_vencimento: formatDateBr(invoice.due_date),
    descricao: invoice.description,
    valor_total: centsToDecimal(invoice.amount_cents),
  };
}

/** WSMKFaturas / WSMKConsultaBarras item: the pending-item keys plus the rest of the invoice. */
export function fullItem(entry: InvoiceWithItems, today: string) {
  const { invoice } = entry;
  return {
    ...pendingItem(entry),
    barras: invoice.barcode ?? '',
    data_emissao: formatDateBr(invoice.issue_date),
    data_pagamento: invoice.paid_on ? formatDateBr(invoice.paid_on) : null,
    data_vencimento_original: formatDateBr(invoice.original_due_date),
    ld: formatLd(invoice.digitable_line),
    liquidado: sn(invoice.status === 'paid'),
    nosso_numero: invoice.our_number ?? '',
    situacao: invoiceSituation(invoice, today),
    valor_pago: invoice.paid_amount_cents === null ? null : centsToDecimal(invoice.paid_amount_cents),
  };
}

