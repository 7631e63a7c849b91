import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import type { BlockReason } from '../connection-blocking.ts';
import { alterConnection } from '../connection-update.service.ts';
import { BLOCK_REASON_BY_CODE } from '../connections.mappers.ts';

const sn = mkParam.oneOf(['S', 'N']);
const flag = (v: 'S' | 'N' | undefined) => (v === undefined ? undefined : v === 'S');

export const wsmkAlterarConexao = defineMkEndpoint({
  id: 'WSMKAlterarConexao',
  service: ALL_SERVICES,
  summary: 'Changes a connection (self-unblock permission, ignore blocking, billing type, login/password), blocks it (bloquear=S + motivo_bloqueio) and/or disconnects it',
  query: Type.Object({
    cd_conexao: mkParam.id(),
    auto_desbloq: Type.Optional(sn),
    ignorar_bloqueio: Type.Optional(sn),
    tipo_conexao: Type.Optional(mkParam.oneOf(['1', '2'], { description: '1 cobrança, 2 cortesia' })),
    username: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._@-]{1,64}$', 'x-hint': 'letras, dígitos e . _ @ -, até 64' })),
    senha_conexao: Type.Optional(mkParam.text(64, { sensitive: true })),
    desconectar_conexao: Type.Optional(sn),
    motivo_desconexao: Type.Optional(mkParam.text(200)),
    bloquear: Type.Optional(mkParam.oneOf(['S'])),
    motivo_bloqueio: Type.Optional(mkParam.oneOf(['1', '3', '5'], { description: '1 Falta Pagamento, 3 Por tempo indeterminado, 5 Contrato não aceito' })),
    obs_bloqueio: Type.Optional(mkParam.text(500)),
  }),
  response: Type.Object({ CodigoConexao: Type.Integer(), Mensagem: Type.String(), status: Type.Literal('OK') }),
  async handler({ params: p, deps, caller }) {
    if (p.bloquear === 'S' && p.motivo_bloqueio === undefined) {
      throw new MkError('missingParam', 'Parâmetro obrigatório não informado: motivo_bloqueio (bloquear=S).');
    }
    if (p.bloquear === undefined && (p.motivo_bloqueio !== undefined || p.obs_bloqueio !== undefined)) {
      throw new MkError('invalidParam', 'Parâmetro inválido: motivo_bloqueio/obs_bloqueio (somente com bloquear=S).');
    }
    await alterConnection(deps, caller, {
      connectionId: p.cd_conexao,
      selfUnblockAllowed: flag(p.auto_desbloq),
      ignoreBlocking: flag(p.ignorar_bloqueio),
      billingType: p.tipo_conexao === undefined ? undefined : p.tipo_conexao === '2' ? 'courtesy' : 'billable',
      username: p.username,
      password: p.senha_conexao,
      disconnect: p.desconectar_conexao === 'S' ? { reason: p.motivo_desconexao ?? null } : undefined,
      block: p.bloquear === 'S' && p.motivo_bloqueio ? { reason: BLOCK_REASON_BY_CODE[p.motivo_bloqueio] as BlockReason, note: p.obs_bloqueio ?? null } : undefined,
    });
    return { CodigoConexao: p.cd_conexao, Mensagem: 'Conexão alterada com sucesso.' };
  },
});
