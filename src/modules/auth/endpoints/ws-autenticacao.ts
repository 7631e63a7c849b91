import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { authReply } from '../auth-reply.ts';
import { authResponse } from '../auth.schemas.ts';
import { authenticateGeneral } from '../auth.service.ts';
import { isServiceCode } from '../service-codes.ts';

export const wsAutenticacao = defineMkEndpoint({
  id: 'WSAutenticacao',
  service: 'open',
  throttleFailures: true,
  summary: 'General authenticator: user token + profile contra-senha + cd_servico → session token',
  query: Type.Object({
    token: mkParam.text(200, { description: 'token do cadastro do usuário (operator API token)', sensitive: true }),
    password: mkParam.text(200, { description: 'contra-senha do perfil de webservice', sensitive: true }),
    cd_servico: mkParam.integer(1, 9999, { description: 'service code, 9999 = all services of the profile' }),
  }),
  response: authResponse,
  async handler({ params, deps, ip, identify }) {
    if (!isServiceCode(params.cd_servico)) {
      throw new MkError('invalidParam', 'Parâmetro inválido: cd_servico (código de serviço inexistente).');
    }
    const session = await authenticateGeneral(deps, {
      userToken: params.token,
      contraSenha: params.password,
      service: params.cd_servico,
      ip,
    });
    identify({ profileId: session.profileId, operatorId: session.operatorId });
    return authReply(session);
  },
});
