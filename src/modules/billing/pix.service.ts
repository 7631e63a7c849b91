import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { buildPixPayload } from '../../lib/pix.ts';
import {
  findContractStatus,
  findCustomer,
  findCustomersByDocument,
  findInvoice,
  hasRestrictedConnection,
  type InvoiceRow,
  listOpenInvoicesOf,
} from './billing.repository.ts';
import { findPixSetup, type PixSetup } from './boleto.repository.ts';

export interface PixRequest {
  document?: string;
  invoiceId?: number;
  customerId?: number;
}

/**
 * The invoice to charge when only the customer is known: for a customer with overdue invoices the
 * one overdue longest, otherwise the one due soonest. Open invoices come sorted by due date.
 */
export function chooseInvoice(open: InvoiceRow[], today: string): InvoiceRow | undefined {
  const overdue = open.filter((i) => i.due_date < today);
  if (overdue.length > 0) return overdue[0];
  return open.find((i) => i.due_date >= today);
}

async function customerIdsFor(deps: AppDeps, req: PixRequest): Promise<number[] | null> {
  if (req.customerId === undefined && req.document === undefined) return null;
  const byDocument = req.document === undefined ? null : (await findCustomersByDocument(deps.db, req.document)).map((c) => c.id);
  if (req.customerId === undefined) return byDocument;
  const customer = await findCustomer(deps.db, req.customerId);
  if (!customer || (byDocument && !byDocument.includes(customer.id))) return [];
  return [customer.id];
}

async function resolveInvoice(deps: AppDeps, req: PixRequest): Promise<InvoiceRow> {
  const customers = await customerIdsFor(deps, req);
  if (req.invoiceId !== undefined) {
    const invoice = await findInvoice(deps.db, req.invoiceId);
    if (!invoice || invoice.status === 'deleted' || (customers && !customers.includes(invoice.customer_id))) {
      throw new MkError('notFound');
    }
    if (invoice.status !== 'open') throw new MkError('conflict', `Fatura ${invoice.id} não está em aberto.`);
    return invoice;
  }
  const chosen = chooseInvoice(await listOpenInvoicesOf(deps.db, customers ?? []), todayInSaoPaulo(deps.clock.now()));
  if (!chosen) throw new MkError('notFound');
  return chosen;
}

/** The BR Code of an invoice: its nominal amount, its txid, the company's PIX key. */
export function invoicePixPayload(invoice: InvoiceRow, pix: PixSetup): string {
  return buildPixPayload({
    key: pix.key,
    merchantName: pix.merchantName,
    merchantCity: pix.merchantCity,
    amountCents: invoice.amount_cents,
    // PIX txids are at most 25 characters; the schema allows longer bank-side ids.
    txid: invoice.pix_txid && invoice.pix_txid.length <= 25 ? invoice.pix_txid : `FAT${invoice.id}`,
  });
}

/** WSMKRetornarCopieColaPix: the BR Code of the chosen invoice, built from the company's PIX data. */
export async function pixCopyPaste(deps: AppDeps, req: PixRequest) {
  if (req.document === undefined && req.invoiceId === undefined && req.customerId === undefined) {
    throw new MkError('noFilter', 'Pelo menos um parametro deve ser informado: Documento, CodigoFatura ou CodigoCliente.');
  }
  const invoice = await resolveInvoice(deps, req);
  const pix = await findPixSetup(deps.db, invoice);
  if (!pix) throw new MkError('featureDisabled', 'A configuração não permite gerar PIX: profile de pagamento sem PIX em produção.');
  const payload = invoicePixPayload(invoice, pix);
  const contractStatus = invoice.contract_id === null ? undefined : await findContractStatus(deps.db, invoice.contract_id);
  return {
    invoice,
    payload,
    contractCancelled: contractStatus === 'cancelled',
    restricted: await hasRestrictedConnection(deps.db, invoice.customer_id, invoice.contract_id),
  };
}
