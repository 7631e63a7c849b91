import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { todayInSaoPaulo } from '../../../lib/dates.ts';
import { fullItem } from '../billing.mappers.ts';
import { customerListResponse, fullItemSchema } from '../billing.schemas.ts';
import { listInvoices } from '../billing.service.ts';

const optionalDate = (description: string) => Type.Optional(mkParam.date({ description }));

export const wsmkFaturas = defineMkEndpoint({
  id: 'WSMKFaturas',
  service: ALL_SERVICES,
  summary: "A customer's invoices with every filter of the doc; window of quantidade_meses months",
  query: Type.Object({
    codigo_cliente: mkParam.id({ description: 'customer code' }),
    liquidado: Type.Optional(mkParam.oneOf(['S', 'N', 'true', 'false'], { description: 'S/N (the doc example sends true)' })),
    codigo_fatura_inicio: Type.Optional(mkParam.rangeBound()),
    codigo_fatura_fim: Type.Optional(mkParam.rangeBound()),
    codigo_documento: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,20}$', description: 'nosso número of the boleto', 'x-hint': 'somente dígitos' }),
    ),
    tipo_documento: Type.Optional(mkParam.text(10, { description: 'NF model; accepted, not used (no fiscal documents here)' })),
    data_emissao: optionalDate('issue date'),
    data_vencimento: optionalDate('current due date: start of the window'),
    data_pagamento: optionalDate('settlement date'),
    codigo_contrato: Type.Optional(mkParam.id()),
    data_vencimento_original: optionalDate('original due date'),
    codigo_fatura: Type.Optional(mkParam.id()),
    quantidade_meses: Type.Optional(mkParam.integer(1, 240, { description: 'months of the due-date window, default 1' })),
  }),
  response: customerListResponse('Faturas', fullItemSchema),
  async handler({ params, deps }) {
    const { customer, invoices } = await listInvoices(deps, {
      customerId: params.codigo_cliente,
      ...(params.liquidado ? { paid: params.liquidado === 'S' || params.liquidado === 'true' } : {}),
      ...(params.codigo_fatura_inicio !== undefined ? { idFrom: params.codigo_fatura_inicio } : {}),
      ...(params.codigo_fatura_fim !== undefined ? { idTo: params.codigo_fatura_fim } : {}),
      ...(params.codigo_documento ? { ourNumber: params.codigo_documento.replace(/^0+(?=\d)/, '') } : {}),
      ...(params.data_emissao ? { issueDate: params.data_emissao } : {}),
      ...(params.data_vencimento ? { dueDate: params.data_vencimento } : {}),
      ...(params.data_pagamento ? { paidOn: params.data_pagamento } : {}),
      ...(params.codigo_contrato ? { contractId: params.codigo_contrato } : {}),
      ...(params.data_vencimento_original ? { originalDueDate: params.data_vencimento_original } : {}),
      ...(params.codigo_fatura ? { invoiceId: params.codigo_fatura } : {}),
      months: params.quantidade_meses ?? 1,
    });
    const today = todayInSaoPaulo(deps.clock.now());
    return { CodigoPessoa: customer.id, Nome: customer.name, Faturas: invoices.map((e) => fullItem(e, today)) };
  },
});
