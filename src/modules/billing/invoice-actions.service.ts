import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { formatLinhaDigitavel } from '../../lib/boleto.ts';
import { formatDateBr } from '../../lib/dates.ts';
import { formatBrl } from '../../lib/money.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import { enqueueSms } from '../notifications/outbox.service.ts';
import { findInvoice, findInvoicesByIds, findMobilePhone } from './billing.repository.ts';
import { requireBoleto, requirePayable } from './billing.service.ts';
import { countCustomerSmsSince, findRecentInvoiceSms, lockCustomerForSms } from './sms-limits.repository.ts';
import { findSuspensionReason, setSuspended, setUnsuspended } from './invoice-status.repository.ts';

/**
 * WSMKLDViaSMS: queues the linha digitável to the customer's mobile through the outbox. A call
 * for an invoice whose SMS was queued within `smsInvoiceDedupMinutes` answers the same success
 * without queuing again; more than `smsDailyLimitPerCustomer` SMS per customer in 24 h → 011.
 */
export async function sendDigitableLineSms(deps: AppDeps, caller: Caller | null, invoiceId: number) {
  const invoice = requireBoleto(requirePayable(await findInvoice(deps.db, invoiceId)));
  const phone = await findMobilePhone(deps.db, invoice.customer_id);
  if (!phone) throw new MkError('conflict', 'Cliente sem celular cadastrado para envio de SMS.');
  const ld = formatLinhaDigitavel(invoice.digitable_line);
  const body =
    `Fatura ${invoice.id}, venc. ${formatDateBr(invoice.due_date)}, ${formatBrl(invoice.amount_cents)}. ` +
    `Linha digitavel: ${ld}`;
  const now = deps.clock.now();
  const { smsInvoiceDedupMinutes: dedupMinutes, smsDailyLimitPerCustomer: dailyLimit } = deps.config;
  await withTransaction(deps.db, async (tx) => {
    await lockCustomerForSms(tx, invoice.customer_id);
    if (dedupMinutes > 0 && (await findRecentInvoiceSms(tx, invoice.id, new Date(now.getTime() - dedupMinutes * 60_000)))) return;
    if ((await countCustomerSmsSince(tx, invoice.customer_id, new Date(now.getTime() - DAY_MS))) >= dailyLimit) {
      throw new MkError('tooManyRequests', `Limite de ${dailyLimit} SMS por cliente em 24 horas atingido. Tente novamente mais tarde.`);
    }
    const outboxId = await enqueueSms(tx, {
      recipient: phone,
      body,
      purpose: 'digitable_line',
      customerId: invoice.customer_id,
      invoiceId: invoice.id,
      at: now,
    });
    await writeAudit(tx, { actor: callerActor(caller), action: 'sms_digitable_line', entity: 'invoice', entityId: invoice.id, details: { outboxId }, at: now });
  });
  return { invoice, phone, ld };
}

const DAY_MS = 86_400_000;

export interface StatusChangeInput {
  suspend: boolean;
  reasonId: number | undefined;
  note: string | undefined;
  invoiceIds: number[];
}

/** WSMKAlteraStatusFaturas: suspends open invoices or reopens suspended ones, all or none. */
export async function changeInvoiceStatus(deps: AppDeps, caller: Caller | null, input: StatusChangeInput) {
  if (input.suspend && input.reasonId === undefined) {
    throw new MkError('missingParam', 'Parâmetro obrigatório não informado: motivo_suspensao (obrigatório quando suspender=S).');
  }
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    if (input.suspend && !(await findSuspensionReason(tx, input.reasonId!))) {
      throw new MkError('invalidParam', 'Parâmetro inválido: motivo_suspensao (motivo de suspensão inexistente ou inativo).');
    }
    const found = await findInvoicesByIds(tx, input.invoiceIds);
    for (const id of input.invoiceIds) {
      const invoice = found.find((i) => i.id === id);
      if (!invoice || invoice.status === 'deleted') throw new MkError('notFound', `Dados não localizados: fatura ${id}.`);
      const expected = input.suspend ? 'open' : 'suspended';
      if (invoice.status !== expected) {
        throw new MkError(
          'conflict',
          input.suspend ? `Fatura ${id} não está em aberto (${invoice.status === 'paid' ? 'liquidada' : 'já suspensa'}).` : `Fatura ${id} não está suspensa.`,
        );
      }
    }
    // The status condition in the UPDATE makes a concurrent change lose cleanly: fewer rows → rollback.
    const changed = input.suspend
      ? await setSuspended(tx, input.invoiceIds, { at: now, reasonId: input.reasonId!, note: input.note ?? null })
      : await setUnsuspended(tx, input.invoiceIds);
    if (changed.length !== input.invoiceIds.length) throw new MkError('conflict', 'Faturas alteradas por outra operação; tente novamente.');
    for (const id of input.invoiceIds) {
      await writeAudit(tx, { actor: callerActor(caller),
        action: input.suspend ? 'invoice_suspended' : 'invoice_unsuspended',
        entity: 'invoice',
        entityId: id,
        details: { reasonId: input.reasonId ?? null, note: input.note ?? null },
        at: now,
      });
    }
    return findInvoicesByIds(tx, input.invoiceIds);
  });
}
