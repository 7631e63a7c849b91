import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { authReply } from '../auth-reply.ts';
import { authResponse } from '../auth.schemas.ts';
import { authenticateOperator } from '../auth.service.ts';

export const wsAutenticacaoOperador = defineMkEndpoint({
  id: 'WSAutenticacaoOperador',
  service: 'open',
  throttleFailures: true,
  summary: 'Specific-services authenticator: operator login + password, within a specific profile',
  query: Type.Object({
    username: mkParam.text(60, { description: 'operator login' }),
    password: mkParam.text(200, { description: 'operator password', sensitive: true }),
  }),
  response: authResponse,
  async handler({ params, deps, ip, identify }) {
    const session = await authenticateOperator(deps, { login: params.username, password: params.password, ip });
    identify({ profileId: session.profileId, operatorId: session.operatorId });
    return authReply(session);
  },
});
