// core-api shapes of the outage routes: bare arrays, lower/snake keys (cod, codconexao confirmed).
import { splitDateTime, ticketStatusCode, ticketStatusText } from '../tickets/tickets.mappers.ts';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const yesNo = (b: boolean) => (b ? 'Sim' : 'Não');

export const CAUSES: Record<string, string> = {
  fiber_cut: 'Rompimento de fibra',
  power: 'Falta de energia',
  equipment: 'Falha de equipamento',
  maintenance: 'Manutenção programada',
  upstream: 'Falha no link de operadora',
  other: 'Outros',
};

export function toOutageItem(o: {
  id: number; title: string; description: string | null; cause: string; status: string; started_at: Date;
  expected_end_at: Date | null; ended_at: Date | null; server_id: number | null; access_point_id: number | null;
  network_box_id: number | null; affected: number | null;
}) {
  return {
    cod: o.id,
    titulo: o.title,
    descricao: o.description ?? '',
    causa: CAUSES[o.cause] ?? o.cause,
    status: o.status === 'finished' ? 'F' : 'A',
    data_inicio: iso(o.started_at),
    previsao_termino: iso(o.expected_end_at),
    data_termino: iso(o.ended_at),
    cd_servidor: o.server_id,
    cd_ponto_acesso: o.access_point_id,
    cd_caixa: o.network_box_id,
    qtd_conexoes_afetadas: o.affected ?? 0,
  };
}

export function toAffectedConnection(c: { id: number; username: string; contract_id: number; blocked: boolean; customer_id: number; customer_name: string }) {
  return {
    bloqueada: yesNo(c.blocked),
    codcliente: c.customer_id,
    codconexao: c.id,
    codcontrato: c.contract_id,
    nome_cliente: c.customer_name,
    username: c.username,
  };
}

// The words of the service-orders module (core GET /os/id `situacao`).
const OS_STATUS: Record<string, string> = { open: 'Aberta', scheduled: 'Agendada', in_progress: 'Em execução' };

export function toOpenServiceOrder(s: {
  id: number; status: string; category: string; connection_id: number | null; contract_id: number | null; opened_at: Date;
  scheduled_for: Date | null; reported_problem: string; customer_id: number; customer_name: string; type: string; technician: string;
}) {
  return {
    codcliente: s.customer_id,
    codconexao: s.connection_id,
    codcontrato: s.contract_id,
    codos: s.id,
    data_abertura: iso(s.opened_at),
    data_agendamento: iso(s.scheduled_for),
    nome_cliente: s.customer_name,
    problema: s.reported_problem,
    status: OS_STATUS[s.status] ?? s.status,
    tecnico: s.technician,
    tipo: s.type,
  };
}

export function toOpenTicket(t: {
  id: number; protocol: string; status: string; connection_id: number | null; contract_id: number | null; opened_at: Date;
  description: string; customer_id: number; customer_name: string;
}) {
  // Same letters and texts as WSMKAtendimentos (tickets module).
  const [date, time] = splitDateTime(t.opened_at);
  return {
    codconexao: t.connection_id,
    codigo_atendimento: t.id,
    codigo_cliente: t.customer_id,
    codigo_status: ticketStatusCode(t.status),
    contratoid: t.contract_id,
    data_abertura: date,
    descricao: t.description,
    descricao_status: ticketStatusText(t.status),
    hr_abertura: time,
    nome_cliente: t.customer_name,
    protocolo: t.protocol,
  };
}
