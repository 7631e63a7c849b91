import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { authenticateSacThrottled } from '../sac.service.ts';

export const wsmkUserSenhaSac = defineMkEndpoint({
  id: 'WSMKUserSenhaSAC',
  service: 4,
  summary:
    'Checks a SAC login and password (constant time); answers the customer code for the other calls. Throttled per SAC login and per profile',
  query: Type.Object({
    user_sac: mkParam.text(60, { description: 'usuário do SAC (maiúsculas/minúsculas indiferentes)' }),
    pass_sac: mkParam.text(200, { description: 'senha do SAC', sensitive: true }),
  }),
  response: Type.Object({
    AcessoSAC: Type.Literal('Liberado'),
    CodigoPessoa: Type.Integer(),
    Nome: Type.String(),
  }),
  async handler({ params, deps, caller }) {
    const person = await authenticateSacThrottled(deps, caller!, params.user_sac, params.pass_sac);
    return { AcessoSAC: 'Liberado', CodigoPessoa: person.id, Nome: person.name };
  },
});
