/**
 * The closed list of errors the webservices answer with. Numbers are stable: clients may branch
 * on them. 003 and 004 are MK's own texts (wire-formats.md §1.5); the rest are ours, in MK's style.
 */
export const MK_ERRORS = {
  tokenMissing: { code: '001', message: 'Token não informado.', token: true, http: 401 },
  tokenInvalid: { code: '001', message: 'Token inválido ou expirado.', token: true, http: 401 },
  tokenUsed: { code: '001', message: 'Token de uso único já utilizado.', token: true, http: 401 },
  ipNotAllowed: { code: '002', message: 'Acesso não permitido a partir deste IP.', token: true, http: 403 },
  serviceNotAllowed: { code: '002', message: 'Serviço não autorizado para este token.', token: true, http: 403 },
  profileInactive: { code: '002', message: 'Perfil de webservice inativo.', token: true, http: 403 },
  notFound: { code: '003', message: 'Dados não localizados.', token: false, http: 404 },
  noFilter: { code: '004', message: 'Pelo menos um parametro deve ser informado.', token: false, http: 400 },
  featureDisabled: { code: '004', message: 'A configuração não permite esta operação.', token: false, http: 409 },
  invalidParam: { code: '005', message: 'Parâmetro inválido.', token: false, http: 400 },
  missingParam: { code: '006', message: 'Parâmetro obrigatório não informado.', token: false, http: 400 },
  authFailed: { code: '007', message: 'Falha na autenticação: credenciais inválidas.', token: false, http: 401 },
  authNotAllowed: { code: '007', message: 'Autenticação não permitida para este perfil.', token: false, http: 403 },
  conflict: { code: '008', message: 'Operação recusada pela regra de negócio.', token: false, http: 409 },
  duplicate: { code: '009', message: 'Registro já cadastrado.', token: false, http: 409 },
  unknownEndpoint: { code: '010', message: 'Serviço inexistente neste servidor.', token: false, http: 404 },
  tooManyRequests: { code: '011', message: 'Limite de tentativas excedido. Tente novamente mais tarde.', token: false, http: 429 },
  unavailable: { code: '098', message: 'Serviço temporariamente indisponível. Tente novamente em instantes.', token: false, http: 503 },
  internal: { code: '099', message: 'Erro interno ao processar a requisição.', token: false, http: 500 },
  // Self-unblock refusals (WSMKAutoDesbloqueio/V2); the first two texts are MK's own (wire-formats §1.5).
  selfUnblockUsed: { code: '065', message: 'Operação indisponível para esta conexão.', token: false, http: 409 },
  selfUnblockNotBlocked: { code: '066', message: 'Status na conexão incompatível para auto-desbloqueio.', token: false, http: 409 },
  selfUnblockOtherReason: { code: '067', message: 'Conexão bloqueada por outro motivo que não a falta de pagamento.', token: false, http: 409 },
  selfUnblockContractCancelled: { code: '068', message: 'Contrato da conexão cancelado.', token: false, http: 409 },
  selfUnblockNotAllowed: { code: '069', message: 'Auto-desbloqueio não permitido para esta conexão.', token: false, http: 409 },
} as const;

export type MkErrorKind = keyof typeof MK_ERRORS;

/**
 * A refusal with a known meaning. `detail` replaces the generic text with a specific one
 * (for example the parameter that is wrong); it must never carry secrets or database text.
 */
export class MkError extends Error {
  readonly kind: MkErrorKind;
  readonly code: string;
  readonly isTokenError: boolean;
  readonly httpStatus: number;

  constructor(kind: MkErrorKind, detail?: string) {
    const def = MK_ERRORS[kind];
    super(detail ?? def.message);
    this.name = 'MkError';
    this.kind = kind;
    this.code = def.code;
    this.isTokenError = def.token;
    this.httpStatus = def.http;
  }
}

export const isMkError = (e: unknown): e is MkError => e instanceof MkError;
