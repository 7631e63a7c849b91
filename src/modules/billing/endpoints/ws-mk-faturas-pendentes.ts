import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { pendingItem } from '../billing.mappers.ts';
import { customerListResponse, pendingItemSchema } from '../billing.schemas.ts';
import { pendingInvoices } from '../billing.service.ts';

export const wsmkFaturasPendentes = defineMkEndpoint({
  id: 'WSMKFaturasPendentes',
  service: 7,
  summary: 'Open invoices of a customer (overdue and not yet due)',
  query: Type.Object({ cd_cliente: mkParam.id({ description: 'customer code' }) }),
  response: customerListResponse('FaturasPendentes', pendingItemSchema),
  async handler({ params, deps }) {
    const { customer, invoices } = await pendingInvoices(deps, params.cd_cliente);
    return { CodigoPessoa: customer.id, Nome: customer.name, FaturasPendentes: invoices.map(pendingItem) };
  },
});
