import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { parseLeadAddress } from '../lead-address.ts';
import { signUpLead } from '../leads.service.ts';
import { unquote } from '../unquote.ts';

const opt = Type.Optional;

export const wsmkInserirLead = defineMkEndpoint({
  id: 'WSMKInserirLead',
  service: ALL_SERVICES,
  summary: 'Creates a registration (a pre-registration without documento) at endereco_lead and opens a CRM lead for it',
  query: Type.Object({
    documento: opt(mkParam.document({ description: 'CPF ou CNPJ; sem ele é criado um pré-cadastro' })),
    nome: mkParam.text(152, { description: 'nome / razão social' }),
    fone01: mkParam.text(20, { description: 'celular com DDD' }),
    email: opt(mkParam.text(254)),
    endereco_lead: mkParam.text(600, { description: 'UF|cidade|bairro|rua|número|complemento|CEP (complemento pode ficar vazio)' }),
    lat: opt(Type.Number({ minimum: -90, maximum: 90 })),
    lon: opt(Type.Number({ minimum: -180, maximum: 180 })),
    dataConnection: opt(mkParam.text(40, { description: 'nome da multiempresa' })),
    informacoes: opt(mkParam.text(4000)),
  }),
  response: Type.Object({ Cliente: Type.String(), CodigoCliente: Type.Integer(), CodigoLead: Type.Integer() }),
  async handler({ params: p, deps, caller }) {
    // MK's own example sends lat=0&lon=0 as placeholders: (0, 0) means "not informed".
    const noPoint = p.lat === 0 && p.lon === 0;
    const lead = await signUpLead(deps, caller, {
      document: p.documento,
      name: unquote(p.nome) ?? '',
      phone: p.fone01,
      email: p.email,
      address: parseLeadAddress(unquote(p.endereco_lead) ?? ''),
      latitude: noPoint ? undefined : p.lat,
      longitude: noPoint ? undefined : p.lon,
      companyShortName: p.dataConnection,
      info: unquote(p.informacoes),
    });
    return { Cliente: lead.customerName, CodigoCliente: lead.customerId, CodigoLead: lead.leadId };
  },
});
