import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { todayInSaoPaulo } from '../../../lib/dates.ts';
import { fullItem } from '../billing.mappers.ts';
import { customerListResponse, fullItemSchema } from '../billing.schemas.ts';
import { invoiceByBarcode } from '../billing.service.ts';

export const wsmkConsultaBarras = defineMkEndpoint({
  id: 'WSMKConsultaBarras',
  service: 20,
  summary: 'Invoice by boleto barcode (44 digits) or linha digitável (47), separators allowed',
  query: Type.Object({
    barras: mkParam.text(80, { aliases: ['codigoBarra'], description: 'barcode or linha digitável' }),
  }),
  response: customerListResponse('DadosFatura', fullItemSchema),
  async handler({ params, deps }) {
    const entry = await invoiceByBarcode(deps, params.barras);
    const today = todayInSaoPaulo(deps.clock.now());
    return { CodigoPessoa: entry.invoice.customer_id, Nome: entry.invoice.customer_name, DadosFatura: [fullItem(entry, today)] };
  },
});
