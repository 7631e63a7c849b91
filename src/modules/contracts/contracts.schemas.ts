import { Type } from '@sinclair/typebox';
import { wireDate, wireIsoDate } from '../../http/wire-schemas.ts';

const text = Type.String();
const id = Type.Integer();

export const activeContract = Type.Object({
  adesao: wireIsoDate('AAAA-MM-DD (raw date column, as ConsultaClientes)'),
  cd_empresa: id,
  codcontrato: id,
  nome_empresa: text,
  plano_acesso: text,
  previsao_vencimento: wireDate('DD/MM/AAAA'),
});

export const contractV2 = Type.Object({
  adesao: wireIsoDate('AAAA-MM-DD (raw date column, as ConsultaClientes)'),
  codcontrato: id,
  plano_acesso: text,
  status_contrato: Type.String({ description: 'Ativo, Suspenso, Cancelado, Aguardando ativação' }),
});

export const contractByDoc = Type.Composite([
  activeContract,
  Type.Object({ codpessoa: id, status_contrato: text, valor: Type.Number() }),
]);

/** Answer of the contract actions (NovoContrato, AtivarContrato, ContratoAlterarStatus). */
export const contractAction = Type.Object({
  CodigoContrato: id,
  Mensagem: text,
  Situacao: Type.String({ description: 'status_contrato after the change' }),
});

export const pendingAcceptance = Type.Object({
  adesao: text,
  codcontrato: id,
  codpessoa: id,
  codtermo: id,
  nome: text,
  titulo: text,
  versao: id,
});

/** S/N flags of the contract endpoints (`S`/`N`, case-insensitive; also `true`/`false`, 1/0). */
export const SIM_NAO = ['S', 'N', 's', 'n', 'true', 'false', '1', '0'] as const;
export const isSim = (v: string | undefined) => v !== undefined && ['s', 'true', '1'].includes(v.toLowerCase());
