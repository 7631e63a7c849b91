import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listClassifications } from '../tickets.service.ts';

export const wsmkListaClassificacoesAte = defineMkEndpoint({
  id: 'WSMKListaClassificacoesAte',
  service: 10,
  summary: 'Active ticket classifications; encerramento "Sim" = a closing one (cannot open a ticket)',
  query: Type.Object({}),
  response: Type.Object({
    ClassificacoesAtendimento: Type.Array(Type.Object({ codigo: Type.Integer(), descricao: Type.String(), encerramento: Type.String() })),
  }),
  async handler({ deps }) {
    const rows = await listClassifications(deps.db);
    return {
      ClassificacoesAtendimento: rows.map((r) => ({ codigo: r.id, descricao: r.description, encerramento: r.closes_ticket ? 'Sim' : 'Não' })),
    };
  },
});
