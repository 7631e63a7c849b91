import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCorePerson } from '../customers.mappers.ts';
import { corePerson } from '../customers.schemas.ts';
import { PAGE_LIMIT, peopleOfCompany } from '../customers.service.ts';

export const coreGetPessoasEmpresa = defineCoreEndpoint({
  id: 'core:GET /pessoas/empresa',
  method: 'GET',
  path: '/pessoas/empresa',
  service: ALL_SERVICES,
  summary: `Customers of a company, bare array by code, ${PAGE_LIMIT} per call (next page: inicio = last id + 1); unknown company → 003`,
  query: Type.Object({
    empresa: mkParam.id({ description: 'código da multiempresa' }),
    inicio: Type.Optional(mkParam.rangeBound({ description: 'primeiro código da página' })),
  }),
  response: Type.Array(corePerson),
  async handler({ params, deps }) {
    return (await peopleOfCompany(deps.db, params.empresa, params.inicio)).map((r) => toCorePerson(r.person, r.company));
  },
});
