import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { activePlansOfType } from '../plans.repository.ts';
import { mkPlanItem, toMkPlan } from '../plans.schemas.ts';
import { PLAN_TYPE_CODES } from '../plans.service.ts';

export const wsmkListaPlanoAcesso = defineMkEndpoint({
  id: 'WSMKListaPlanoAcesso',
  service: ALL_SERVICES,
  summary: 'Active access plans of a plan type (the CodigoPlanoAcesso codes contract/connection writes accept); 12 and 20 refused',
  query: Type.Object({
    TipoPlano: mkParam.oneOf(PLAN_TYPE_CODES, { description: '1 Internet, 2 Telefonia, 3 Hospedagem, 4 Outros, 7 Antivírus, 8 IPTV, 9 On-Demand, 10 Transporte, 11 TV/OTT' }),
  }),
  response: Type.Object({ TipoPlano: Type.Integer(), PlanosAcesso: Type.Array(mkPlanItem) }),
  async handler({ params, deps }) {
    const typeId = Number(params.TipoPlano);
    return { TipoPlano: typeId, PlanosAcesso: (await activePlansOfType(deps.db, typeId)).map(toMkPlan) };
  },
});
