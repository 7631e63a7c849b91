import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toMkPerson } from '../customers.mappers.ts';
import { mkPerson } from '../customers.schemas.ts';
import { SEARCH_LIMIT, searchByName } from '../customers.service.ts';

export const wsmkConsultaNome = defineMkEndpoint({
  id: 'WSMKConsultaNome',
  service: 17,
  summary: `People whose name or trade name contains the text (≥ 3 letters, accents/case ignored), by name, at most ${SEARCH_LIMIT}`,
  query: Type.Object({ nome: mkParam.text(150, { description: 'nome (ou parte do nome) do cliente' }) }),
  response: Type.Object({
    Pessoas: Type.Array(mkPerson),
    Limite: Type.Integer({ description: `rows returned at most (${SEARCH_LIMIT})` }),
    Truncado: Type.Union([Type.Literal('Sim'), Type.Literal('Não')], { description: 'Sim = more people match; refine the name' }),
  }),
  async handler({ params, deps }) {
    const { rows, truncated } = await searchByName(deps.db, params.nome, 'nome');
    return { Pessoas: rows.map(toMkPerson), Limite: SEARCH_LIMIT, Truncado: truncated ? 'Sim' : 'Não' };
  },
});
