import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { toCorePerson } from '../customers.mappers.ts';
import { corePerson } from '../customers.schemas.ts';
import { SEARCH_LIMIT, searchByPhone, withCompanies } from '../customers.service.ts';

export const coreGetPessoasTelefone = defineCoreEndpoint({
  id: 'core:GET /pessoas/telefone',
  method: 'GET',
  path: '/pessoas/telefone',
  service: ALL_SERVICES,
  summary: `People with this phone (exact DDD + number, any of their phones), bare array, at most ${SEARCH_LIMIT}`,
  query: Type.Object({
    ddd: Type.String({ pattern: '^[1-9][0-9]$', description: 'DDD', 'x-hint': '2 dígitos' }),
    fone: Type.String({ pattern: '^[0-9]{4,5}-?[0-9]{4}$', description: 'número sem DDD', 'x-hint': '8 ou 9 dígitos' }),
  }),
  response: Type.Array(corePerson),
  async handler({ params, deps }) {
    const { rows } = await searchByPhone(deps.db, `${params.ddd}${params.fone.replace(/\D/g, '')}`);
    return (await withCompanies(deps.db, rows)).map((r) => toCorePerson(r.person, r.company));
  },
});
