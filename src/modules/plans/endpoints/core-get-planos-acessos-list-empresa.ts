import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { corePlan, toCorePlan } from '../plans.schemas.ts';
import { plansOfCompany } from '../plans.service.ts';

export const coreGetPlanosAcessosListEmpresa = defineCoreEndpoint({
  id: 'core:GET /planos-acessos/list/empresa',
  method: 'GET',
  path: '/planos-acessos/list/empresa',
  service: ALL_SERVICES,
  summary: 'Bare array of the company plans (active and inactive) by code; unknown company → 404/003',
  query: Type.Object({ empresa: mkParam.id({ description: 'código da multiempresa' }) }),
  response: Type.Array(corePlan),
  async handler({ params, deps }) {
    return (await plansOfCompany(deps.db, params.empresa)).map(toCorePlan);
  },
});
