import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { isMkError, MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { formatDateBr, todayInSaoPaulo } from '../../../lib/dates.ts';
import { centsToDecimal } from '../../../lib/money.ts';
import { invoiceSituation } from '../billing.mappers.ts';
import { sendDigitableLineSms } from '../invoice-actions.service.ts';

export const wsmkLdViaSms = defineMkEndpoint({
  id: 'WSMKLDViaSMS',
  service: 21,
  summary: "Sends the invoice's linha digitável to the customer's mobile by SMS (notification outbox)",
  query: Type.Object({ cd_fatura: mkParam.id({ aliases: ['codigoDaFatura'], description: 'invoice code' }) }),
  response: Type.Object({
    DadosFatura: Type.Array(
      Type.Object({
        celular: Type.String(),
        codfatura: Type.Integer(),
        codigopessoa: Type.Integer(),
        data_vencimento: Type.String(),
        descricao: Type.String(),
        ld: Type.String(),
        nome: Type.String(),
        situacao: Type.String(),
        valor_nominal: Type.Number(),
      }),
    ),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps, caller }) {
    const { invoice, phone, ld } = await sendDigitableLineSms(deps, caller, params.cd_fatura).catch((error: unknown) => {
      // A billing client deletes its local record only on this exact text (wire-formats §2).
      throw isMkError(error) && error.kind === 'notFound' ? new MkError('notFound', 'Fatura não localizada.') : error;
    });
    return {
      DadosFatura: [
        {
          celular: phone,
          codfatura: invoice.id,
          codigopessoa: invoice.customer_id,
          data_vencimento: formatDateBr(invoice.due_date),
          descricao: invoice.description,
          ld,
          nome: invoice.customer_name,
          situacao: invoiceSituation(invoice, todayInSaoPaulo(deps.clock.now())),
          valor_nominal: centsToDecimal(invoice.amount_cents),
        },
      ],
    };
  },
});
