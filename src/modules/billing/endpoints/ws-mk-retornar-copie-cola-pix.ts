import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { formatDateBr } from '../../../lib/dates.ts';
import { centsToDecimal } from '../../../lib/money.ts';
import { simNao } from '../billing.mappers.ts';
import { pixCopyPaste } from '../pix.service.ts';

export const wsmkRetornarCopieColaPix = defineMkEndpoint({
  id: 'WSMKRetornarCopieColaPix',
  service: ALL_SERVICES,
  errorStyle: 'lowerCodigoErro',
  summary: 'PIX copia-e-cola of an invoice; by customer/document: overdue-longest, else due-soonest',
  query: Type.Object({
    Documento: Type.Optional(mkParam.document({ description: 'CPF/CNPJ of the customer' })),
    CodigoFatura: Type.Optional(mkParam.id({ description: 'invoice code' })),
    CodigoCliente: Type.Optional(mkParam.id({ description: 'customer code' })),
  }),
  response: Type.Object({
    codfatura: Type.Integer(),
    codpessoa: Type.Integer(),
    'conexão_reduzida': Type.String({ description: 'Sim = connection blocked or reduced' }),
    data_vencimento: Type.String(),
    nome_razaosocial: Type.String(),
    status_contrato: Type.String({ description: 'Sim = contract cancelled' }),
    texto_qrcode: Type.String({ description: 'BR Code (EMV) with CRC16' }),
    valor: Type.Number(),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const r = await pixCopyPaste(deps, {
      ...(params.Documento ? { document: params.Documento } : {}),
      ...(params.CodigoFatura ? { invoiceId: params.CodigoFatura } : {}),
      ...(params.CodigoCliente ? { customerId: params.CodigoCliente } : {}),
    });
    return {
      codfatura: r.invoice.id,
      codpessoa: r.invoice.customer_id,
      'conexão_reduzida': simNao(r.restricted),
      data_vencimento: formatDateBr(r.invoice.due_date),
      nome_razaosocial: r.invoice.customer_name,
      status_contrato: simNao(r.contractCancelled),
      texto_qrcode: r.payload,
      valor: centsToDecimal(r.invoice.amount_cents),
    };
  },
});
