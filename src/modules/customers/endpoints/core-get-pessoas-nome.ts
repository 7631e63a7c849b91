import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCorePerson } from '../customers.mappers.ts';
import { corePerson } from '../customers.schemas.ts';
import { SEARCH_LIMIT, searchByName, withCompanies } from '../customers.service.ts';

export const coreGetPessoasNome = defineCoreEndpoint({
  id: 'core:GET /pessoas/nome',
  method: 'GET',
  path: '/pessoas/nome',
  service: ALL_SERVICES,
  summary: `People whose name contains the text (≥ 3 letters), bare array ordered by name, at most ${SEARCH_LIMIT}`,
  query: Type.Object({ nome: mkParam.text(150, { description: 'nome (ou parte) do cliente' }) }),
  response: Type.Array(corePerson),
  async handler({ params, deps }) {
    const { rows } = await searchByName(deps.db, params.nome, 'nome');
    return (await withCompanies(deps.db, rows)).map((r) => toCorePerson(r.person, r.company));
  },
});
