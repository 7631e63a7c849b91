import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { activePlansOfType } from '../plans.repository.ts';
import { corePlan, toCorePlan } from '../plans.schemas.ts';
import { PLAN_TYPE_CODES, planById } from '../plans.service.ts';

/**
 * Documented as the Node form of WSMKListaPlanoAcesso (TipoPlano → that list); the `id` the path
 * names is honoured too: one plan (active or not) as a one-element array.
 */
export const coreGetPlanosAcessosId = defineCoreEndpoint({
  id: 'core:GET /planos-acessos/id',
  method: 'GET',
  path: '/planos-acessos/id',
  service: ALL_SERVICES,
  summary: 'Bare array: active plans of TipoPlano (as WSMKListaPlanoAcesso), or the plan with that id; neither → 004',
  query: Type.Object({
    TipoPlano: Type.Optional(mkParam.oneOf(PLAN_TYPE_CODES, { description: 'código do tipo de plano' })),
    id: Type.Optional(mkParam.id({ description: 'código do plano de acesso' })),
  }),
  response: Type.Array(corePlan),
  async handler({ params, deps }) {
    if (params.id !== undefined) {
      const plan = await planById(deps.db, params.id);
      if (params.TipoPlano !== undefined && plan.plan_type_id !== Number(params.TipoPlano)) throw new MkError('notFound');
      return [toCorePlan(plan)];
    }
    if (params.TipoPlano === undefined) throw new MkError('noFilter');
    return (await activePlansOfType(deps.db, Number(params.TipoPlano))).map(toCorePlan);
  },
});
