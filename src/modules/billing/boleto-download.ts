import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { findInvoice } from './billing.repository.ts';
import { verifyBoletoToken } from './boleto-link.ts';
import { renderBoletoPdf } from './boleto-pdf.ts';
import { findBoletoParties, findPixSetup } from './boleto.repository.ts';
import { invoicePixPayload } from './pix.service.ts';

/** The PDF bytes of an invoice's boleto, or null when it has none to print. */
export async function boletoPdfOf(deps: AppDeps, invoiceId: number): Promise<Buffer | null> {
  const invoice = await findInvoice(deps.db, invoiceId);
  if (!invoice || invoice.status === 'deleted' || !invoice.barcode || !invoice.digitable_line || !invoice.our_number) return null;
  const parties = await findBoletoParties(deps.db, invoice);
  const pix = await findPixSetup(deps.db, invoice);
  const bank = parties.bank;
  return renderBoletoPdf({
    invoiceId: invoice.id,
    bankCode: invoice.barcode.slice(0, 3),
    agencyAccount: bank ? `${bank.agency ?? ''} / ${bank.account ?? ''}` : '',
    wallet: bank?.wallet ?? '',
    beneficiary: { name: parties.company.legalName, document: parties.company.cnpj, address: parties.company.address },
    payer: parties.customer,
    ourNumber: invoice.our_number,
    amountCents: invoice.amount_cents,
    issueDate: invoice.issue_date,
    dueDate: invoice.due_date,
    description: invoice.description,
    barcode: invoice.barcode,
    linhaDigitavel: invoice.digitable_line,
    pixPayload: pix ? invoicePixPayload(invoice, pix) : null,
    instructions: ['Após o vencimento cobrar multa e juros de mora conforme contrato.', `Fatura ${invoice.id}: ${invoice.description}`],
  });
}

/** `GET /boletos/<signed token>.pdf`: no session token; the link itself is the credential. */
export async function boletoRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: { file: string } }>('/boletos/:file', async (request, reply) => {
    const file = request.params.file;
    const check = file.endsWith('.pdf')
      ? verifyBoletoToken(deps.config, file.slice(0, -4), deps.clock.now())
      : ({ ok: false, reason: 'invalid' } as const);
    if (!check.ok) {
      const expired = check.reason === 'expired';
      return reply
        .code(expired ? 410 : 404)
        .type('application/json;charset=UTF-8')
        .send({ Mensagem: expired ? 'Link do boleto expirado; gere uma nova segunda via.' : 'Boleto não encontrado.', status: 'ERRO' });
    }
    const pdf = await boletoPdfOf(deps, check.invoiceId);
    if (!pdf) return reply.code(404).type('application/json;charset=UTF-8').send({ Mensagem: 'Boleto não encontrado.', status: 'ERRO' });
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="boleto-${check.invoiceId}.pdf"`)
      .send(pdf);
  });
}
