import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { parseBoletoCode } from '../../lib/boleto.ts';
import { addMonths, todayInSaoPaulo } from '../../lib/dates.ts';
import {
  findCustomer,
  findCustomerOpenInvoices,
  findInvoice,
  findInvoiceByBarcode,
  type InvoiceFilter,
  type InvoiceRow,
  listItemsOf,
  listOpenInvoicesDueBetween,
  searchInvoices,
} from './billing.repository.ts';
import { boletoDownloadUrl, signBoletoToken } from './boleto-link.ts';

export interface InvoiceWithItems {
  invoice: InvoiceRow;
  itemIds: number[];
  contractIds: number[];
}

export async function requireCustomer(deps: AppDeps, customerId: number) {
  const customer = await findCustomer(deps.db, customerId);
  if (!customer) throw new MkError('notFound');
  return customer;
}

/** Refuses invoices that are gone, settled or suspended: what a payer may still act on. */
export function requirePayable(invoice: InvoiceRow | undefined): InvoiceRow {
  if (!invoice || invoice.status === 'deleted') throw new MkError('notFound');
  if (invoice.status === 'paid') throw new MkError('conflict', `Fatura ${invoice.id} já liquidada.`);
  if (invoice.status === 'suspended') throw new MkError('conflict', `Fatura ${invoice.id} suspensa.`);
  return invoice;
}

export function requireBoleto(invoice: InvoiceRow): InvoiceRow & { barcode: string; digitable_line: string } {
  if (invoice.barcode === null || invoice.digitable_line === null) {
    throw new MkError('conflict', `Fatura ${invoice.id} sem boleto registrado.`);
  }
  return invoice as InvoiceRow & { barcode: string; digitable_line: string };
}

async function withItems(deps: AppDeps, invoices: InvoiceRow[]): Promise<InvoiceWithItems[]> {
  const items = await listItemsOf(
    deps.db,
    invoices.map((i) => i.id),
  );
  return invoices.map((invoice) => {
    const own = items.filter((it) => it.invoice_id === invoice.id);
    return { invoice, itemIds: own.map((it) => it.id), contractIds: contractsOf(invoice, own.map((it) => it.contract_id)) };
  });
}

/** The invoice's own contract and its items' contracts, ascending, each once. */
function contractsOf(invoice: InvoiceRow, itemContractIds: (number | null)[]): number[] {
  const contracts = new Set<number>();
  if (invoice.contract_id !== null) contracts.add(invoice.contract_id);
  for (const id of itemContractIds) if (id !== null) contracts.add(id);
  return [...contracts].sort((a, b) => a - b);
}

/** WSMKFaturasPendentes: every open invoice of the customer, overdue or not yet due (one query). */
export async function pendingInvoices(deps: AppDeps, customerId: number) {
  const found = await findCustomerOpenInvoices(deps.db, customerId);
  if (!found) throw new MkError('notFound');
  const invoices: InvoiceWithItems[] = found.invoices.map(({ invoice, itemIds, itemContractIds }) => ({
    invoice,
    itemIds,
    contractIds: contractsOf(invoice, itemContractIds),
  }));
  return { customer: found.customer, invoices };
}

/** WSMKSegundaViaCobranca: the invoice and a signed, expiring link to its PDF. */
export async function secondCopy(deps: AppDeps, invoiceId: number) {
  const invoice = requireBoleto(requirePayable(await findInvoice(deps.db, invoiceId)));
  const token = signBoletoToken(deps.config, invoice.id, deps.clock.now());
  return { invoice, url: boletoDownloadUrl(deps.config.publicUrl, token) };
}

/** WSMKConsultaBarras: the invoice of a barcode or linha digitável, check digits verified. */
export async function invoiceByBarcode(deps: AppDeps, code: string) {
  const parsed = parseBoletoCode(code, todayInSaoPaulo(deps.clock.now()));
  if (!parsed.ok) {
    throw new MkError(
      'invalidParam',
      parsed.reason === 'check_digit'
        ? 'Parâmetro inválido: barras (dígito verificador não confere).'
        : 'Parâmetro inválido: barras (informe o código de barras com 44 dígitos ou a linha digitável com 47).',
    );
  }
  const invoice = await findInvoiceByBarcode(deps.db, parsed.barcode);
  if (!invoice) throw new MkError('notFound');
  return (await withItems(deps, [invoice]))[0]!;
}

/** WSMKFaturasAbertas: open invoices of all customers due in [from, to]. */
export async function openInvoicesDue(deps: AppDeps, from: string, to: string, customerId: number | undefined) {
  if (from > to) throw new MkError('invalidParam', 'Parâmetro inválido: dt_venc_inicio (posterior a dt_venc_fim).');
  return listOpenInvoicesDueBetween(deps.db, from, to, customerId);
}

export interface ListInvoicesInput extends Omit<InvoiceFilter, 'dueFrom' | 'dueTo'> {
  dueDate?: string;
  months: number;
}

/**
 * WSMKFaturas. quantidade_meses is a window of due dates: from data_vencimento to N months after
 * it; without data_vencimento, invoices due from N months ago onwards (future ones included).
 */
export async function listInvoices(deps: AppDeps, input: ListInvoicesInput) {
  const customer = await requireCustomer(deps, input.customerId);
  if (input.idFrom !== undefined && input.idTo !== undefined && input.idFrom > input.idTo) {
    throw new MkError('invalidParam', 'Parâmetro inválido: codigo_fatura_inicio (maior que codigo_fatura_fim).');
  }
  const { dueDate, months, ...filter } = input;
  const window = dueDate
    ? { dueFrom: dueDate, dueTo: addMonths(dueDate, months) }
    : { dueFrom: addMonths(todayInSaoPaulo(deps.clock.now()), -months) };
  const rows = await searchInvoices(deps.db, { ...filter, ...window });
  return { customer, invoices: await withItems(deps, rows) };
}
