// MK and core-api shapes of a service order. Formatting lives here only.
import { formatDateBr, formatDateTimeBr, todayInSaoPaulo } from '../../lib/dates.ts';
import type { OrderRow } from './service-orders.repository.ts';

/** Item `status` of WSMKConsultaOrdemAgendamento is numeric (wire-formats §2); the numbering is ours (INFERRED). */
const STATUS_CODE: Record<string, number> = { open: 1, scheduled: 2, in_progress: 3, closed: 4, cancelled: 5 };
const STATUS_TEXT: Record<string, string> = {
  open: 'Aberta',
  scheduled: 'Agendada',
  in_progress: 'Em execução',
  closed: 'Encerrada',
  cancelled: 'Cancelada',
};
const CATEGORY_CODE: Record<string, number> = { customer: 1, network: 2, internal: 3 };

const numberOrText = (v: string) => (/^\d{1,9}$/.test(v) ? Number(v) : v);
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** One item of `"Agendas:"`. */
export function toAgenda(o: OrderRow) {
  return {
    Cliente: o.customer_name,
    Data: formatDateBr(todayInSaoPaulo(o.opened_at)),
    Data_agendamento: o.scheduled_for === null ? '' : formatDateTimeBr(o.scheduled_for),
    Descricao_os: o.reported_problem,
    Protocolo: o.ticket_protocol ?? '',
    Técnico: o.technician_name,
    bairro: o.neighbourhood_name,
    cep: o.cep,
    codCliente: o.customer_id,
    codcontrato: o.contract_id,
    codos: o.id,
    codpessoa: o.customer_id,
    logradouro: o.street_name,
    siglaestado: o.state_abbreviation,
    status: STATUS_CODE[o.status] ?? 1,
  };
}

/** The camelCase object of GET /core-api/os/id, each item of /os/pessoa and the answer of PUT /os (INFERRED). */
export function toCoreOrder(o: OrderRow) {
  return {
    id: o.id,
    pessoaId: o.customer_id,
    pessoa: o.customer_name,
    empresaId: o.company_id,
    contratoId: o.contract_id,
    conexaoId: o.connection_id,
    atendimentoId: o.ticket_id,
    protocoloAtendimento: o.ticket_protocol,
    tipo: o.service_order_type_id,
    tipoDescricao: o.type_description,
    grupoServicoId: o.service_group_id,
    tecnicoId: o.technician_id,
    tecnico: o.technician_name,
    equipeId: o.team_id,
    categoria: CATEGORY_CODE[o.category] ?? 1,
    situacao: STATUS_TEXT[o.status] ?? o.status,
    defeitoReclamado: o.reported_problem,
    defeitoConstatado: o.found_problem,
    indicacoes: o.indications,
    servicoPrestado: o.service_performed,
    classificacaoEncerramento: o.closing_classification_id,
    dataAbertura: o.opened_at.toISOString(),
    dataAgendamento: iso(o.scheduled_for),
    dataEncerramento: iso(o.closed_at),
    condominioId: o.condominium_id,
    logradouroId: o.street_id,
    logradouro: o.street_name,
    numero: numberOrText(o.address_number),
    complemento: o.address_complement,
    bairro: o.neighbourhood_name,
    cidade: o.city_name,
    uf: o.state_abbreviation,
    cep: o.cep,
  };
}
