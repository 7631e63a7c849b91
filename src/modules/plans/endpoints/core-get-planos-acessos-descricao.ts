import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { plansNamed } from '../plans.repository.ts';
import { corePlan, toCorePlan } from '../plans.schemas.ts';

export const coreGetPlanosAcessosDescricao = defineCoreEndpoint({
  id: 'core:GET /planos-acessos/descricao',
  method: 'GET',
  path: '/planos-acessos/descricao',
  service: ALL_SERVICES,
  summary: 'Bare array of plans (active and inactive) whose name contains the text, case/accent-insensitive, by name',
  query: Type.Object({ nomedoplano: mkParam.text(120, { description: 'descrição (ou parte) do plano de acesso' }) }),
  response: Type.Array(corePlan),
  async handler({ params, deps }) {
    return (await plansNamed(deps.db, params.nomedoplano.trim())).map(toCorePlan);
  },
});
