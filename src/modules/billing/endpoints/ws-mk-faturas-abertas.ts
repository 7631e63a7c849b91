import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { centsToDecimal } from '../../../lib/money.ts';
import { openInvoicesDue } from '../billing.service.ts';

const CONTRACT_WORDS: Record<string, string> = {
  active: 'Ativo',
  awaiting_activation: 'Ativo',
  suspended: 'Suspenso',
  cancelled: 'Cancelado',
};

export const wsmkFaturasAbertas = defineMkEndpoint({
  id: 'WSMKFaturasAbertas',
  service: ALL_SERVICES,
  summary: 'Open invoices of every customer due in a date range (optionally one customer: cd_pessoa)',
  query: Type.Object({
    dt_venc_inicio: mkParam.date({ description: 'DD/MM/AAAA, AAAA/MM/DD or AAAA-MM-DD' }),
    dt_venc_fim: mkParam.date({ description: 'DD/MM/AAAA, AAAA/MM/DD or AAAA-MM-DD' }),
    cd_pessoa: Type.Optional(mkParam.id({ description: 'customer code (not in the doc; real servers honour it)' })),
  }),
  response: Type.Object({
    ListaFaturas: Type.Array(
      Type.Object({
        cd_fatura: Type.Integer(),
        codpessoa: Type.Integer(),
        nome: Type.String(),
        status: Type.String({ description: 'contract (or registration) state: Ativo, Suspenso, Cancelado' }),
        valor: Type.Number(),
      }),
    ),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const rows = await openInvoicesDue(deps, params.dt_venc_inicio, params.dt_venc_fim, params.cd_pessoa);
    return {
      ListaFaturas: rows.map((r) => ({
        cd_fatura: r.id,
        codpessoa: r.customer_id,
        nome: r.customer_name,
        status: r.contract_status ? (CONTRACT_WORDS[r.contract_status] ?? 'Ativo') : r.customer_status === 'active' ? 'Ativo' : 'Inativo',
        valor: centsToDecimal(r.amount_cents),
      })),
    };
  },
});
