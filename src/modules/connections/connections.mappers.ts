// MK shapes of connections. Formatting lives here only (wire-formats §1.6).
import { formatDateBr, formatDateTimeBr, todayInSaoPaulo } from '../../lib/dates.ts';
import type { BlockReason } from './connection-blocking.ts';
import type { ConnectionRow } from './connections.repository.ts';

const simNao = (v: boolean) => (v ? 'Sim' : 'Não');
const coordinate = (v: number | null) => (v === null ? '' : String(v));

/** MK motivo_bloqueio codes (catalog: WSMKAlterarConexao) ↔ ours. */
export const BLOCK_REASON_BY_CODE: Record<string, BlockReason> = { '1': 'non_payment', '3': 'indefinite', '5': 'contract_not_accepted' };
const BLOCK_REASON_TEXT: Record<string, string> = {
  non_payment: 'Falta Pagamento',
  indefinite: 'Por tempo indeterminado',
  contract_not_accepted: 'Contrato não aceito',
};
export const TECHNOLOGY_TEXT: Record<string, string> = { ftth: 'FTTH', wireless: 'Wireless', utp: 'UTP' };

function flatAddress(c: ConnectionRow): string {
  if (c.street_name === null) return '';
  return `${c.street_name}, ${c.address_number ?? 'S/N'} - ${c.neighbourhood_name}, ${c.city_name}`;
}

/** One item of `Conexoes` (WSMKConexoesPorCliente, CONFIRMED keys; `ip`/`plano_acesso` ours). */
export function toMkConnection(c: ConnectionRow) {
  return {
    bloqueada: simNao(c.blocked),
    cadastro: formatDateBr(todayInSaoPaulo(c.created_at)),
    cep: c.cep ?? '',
    codconexao: c.id,
    contrato: c.contract_id,
    endereco: flatAddress(c),
    esta_reduzida: simNao(c.reduced),
    ip: c.ip ?? '',
    latitude: coordinate(c.latitude),
    longitude: coordinate(c.longitude),
    mac_address: c.mac_address ?? '',
    motivo_bloqueio: c.block_reason === null ? null : (BLOCK_REASON_TEXT[c.block_reason] ?? c.block_reason),
    plano_acesso: c.plan_name,
    tecnologia: TECHNOLOGY_TEXT[c.technology] ?? c.technology,
    username: c.username,
  };
}

export interface SessionRow {
  username: string;
  framed_ip: string | null;
  started_at: Date;
  stopped_at: Date | null;
  input_bytes: number | string;
  output_bytes: number | string;
  nas_ip: string | null;
}

/** Session length as `HH:MM:SS` (hours may exceed 24). */
function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/**
 * The `conexao` object of WSMKConsultaConexaoAutenticada (CONFIRMED keys). `down` is what the
 * customer downloaded (the NAS's output octets), `up` the input octets, both byte counts as text.
 */
export function toMkSession(s: SessionRow, now: Date) {
  const end = s.stopped_at ?? now;
  return {
    down: String(s.output_bytes),
    dt_hr_parada: s.stopped_at ? formatDateTimeBr(s.stopped_at) : null,
    dt_hr_retorno: null,
    framedip: s.framed_ip ?? '',
    nas: s.nas_ip ?? '',
    tempo: duration(end.getTime() - s.started_at.getTime()),
    up: String(s.input_bytes),
    username: s.username,
  };
}
