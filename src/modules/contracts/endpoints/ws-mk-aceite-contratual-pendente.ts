import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { pendingAcceptance } from '../contracts.schemas.ts';
import { pendingAcceptances } from '../contracts.service.ts';

export const wsmkAceiteContratualPendente = defineMkEndpoint({
  id: 'WSMKAceiteContratualPendente',
  service: ALL_SERVICES,
  summary: 'Contract terms still awaiting acceptance, of contracts signed (adesão) on data_adesao; one item per contract and term',
  query: Type.Object({ data_adesao: mkParam.date({ description: 'data de adesão do contrato (DD/MM/AAAA)' }) }),
  response: Type.Object({ AceitesPendentes: Type.Array(pendingAcceptance) }),
  async handler({ params, deps }) {
    const rows = await pendingAcceptances(deps.db, params.data_adesao);
    return {
      AceitesPendentes: rows.map((r) => ({
        adesao: r.signed_on,
        codcontrato: r.contract_id,
        codpessoa: r.customer_id,
        codtermo: r.term_id,
        nome: r.customer_name,
        titulo: r.title,
        versao: r.version,
      })),
    };
  },
});
