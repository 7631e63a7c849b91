import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam, splitIdList } from '../../../http/mk/params.ts';
import { RESET_LIMIT, resetSacPasswords } from '../sac-reset.service.ts';

export const wsmkAlterarSenhaSac = defineMkEndpoint({
  id: 'WSMKAlterarSenhaSac',
  service: ALL_SERVICES,
  summary: `New SAC passwords (≥ 8 chars, upper/lower/digits) for the selected customers, sent by SMS; tag or cd_clientes required, at most ${RESET_LIMIT}`,
  query: Type.Object({
    tag: Type.Optional(mkParam.text(60, { description: 'TAG do cadastro do cliente' })),
    cd_clientes: Type.Optional(
      mkParam.idList('|', { description: 'cod1|cod2|…' }),
    ),
    conexao_ativa: Type.Optional(mkParam.oneOf(['S', 'N'] as const, { description: 'S = só clientes com conexão desbloqueada' })),
    contrato_ativos: mkParam.oneOf(['S', 'N'] as const, { description: 'S = só clientes com contrato ativo' }),
  }),
  response: Type.Object({
    Alterados: Type.Integer({ description: 'passwords changed and queued for SMS' }),
    Clientes: Type.Array(Type.Integer()),
    SemCelular: Type.Array(Type.Integer({ description: 'selected but without a mobile phone: password kept' })),
  }),
  async handler({ params, deps, caller }) {
    const ids = params.cd_clientes === undefined
      ? undefined
      : splitIdList(params.cd_clientes, '|');
    const outcome = await resetSacPasswords(deps, caller, {
      tag: params.tag,
      ids,
      activeContract: params.contrato_ativos === 'S',
      unblockedConnection: params.conexao_ativa === 'S',
    });
    return { Alterados: outcome.changed.length, Clientes: outcome.changed, SemCelular: outcome.withoutMobile };
  },
});
