import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { openLeadForCustomer } from '../leads.service.ts';
import { unquote } from '../unquote.ts';

export const wsmkNovaLead = defineMkEndpoint({
  id: 'WSMKNovaLead',
  service: ALL_SERVICES,
  summary: 'Opens a CRM lead for an existing customer (refused with 004 when the SAC setting forbids sign-ups via APIs)',
  query: Type.Object({
    cd_cliente: mkParam.id({ description: 'código do cliente (WSMKConsultaDoc / WSMKUserSenhaSAC)' }),
    info: Type.Optional(mkParam.text(4000, { description: 'informação sobre o atendimento (aspas simples aceitas)' })),
  }),
  response: Type.Object({ Cliente: Type.String(), CodigoCliente: Type.Integer(), CodigoLead: Type.Integer() }),
  async handler({ params, deps, caller }) {
    const lead = await openLeadForCustomer(deps, caller, params.cd_cliente, unquote(params.info));
    return { Cliente: lead.customerName, CodigoCliente: lead.customerId, CodigoLead: lead.leadId };
  },
});
