// Service orders (OS): lookups, reads, the schedule, creation (WSMKCriarOrdemServico) and
// PUT /core-api/os (changes and closing, with the linked ticket closed in the same transaction).
import type { Updateable } from 'kysely';
import { callerActor, writeAudit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import type { ServiceOrdersTable } from '../../db/types.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { invalid, unknownCode } from '../addresses/address-input.ts';
import { classificationById } from '../tickets/tickets.repository.ts';
import { operatorByLogin } from '../tickets/tickets.service.ts';
import * as repo from './service-orders.repository.ts';

export const listTypes = (db: Db) => repo.activeTypes(db);
export const listGroups = (db: Db) => repo.activeGroups(db);
export const listTechnicians = (db: Db, onlyActive: boolean) => repo.technicians(db, onlyActive);

export async function listTeams(db: Db) {
  const [teams, members] = await Promise.all([repo.activeTeams(db), repo.teamMembers(db)]);
  return teams.map((t) => ({ ...t, members: members.filter((m) => m.team_id === t.id) }));
}

export async function orderById(db: Db, id: number) {
  const row = await repo.orderById(db, id);
  if (!row) throw new MkError('notFound');
  return row;
}

export async function ordersOfCustomer(db: Db, customerId: number) {
  if (!(await repo.customerExists(db, customerId))) throw new MkError('notFound');
  return repo.ordersOfCustomer(db, customerId);
}

export const scheduleOf = (db: Db, day: string, technicianId?: number, customerId?: number) => repo.schedule(db, day, technicianId, customerId);

/** MK's wording for a code that is not in its list endpoint (wire-formats §2: "CodigoTecnico não encontrado"). */
const notFoundCode = (param: string) => new MkError('invalidParam', `${param} não encontrado.`);

export interface OrderAddress {
  condominiumId?: number | undefined;
  cityId?: number | undefined;
  neighbourhoodId?: number | undefined;
  streetId?: number | undefined;
  number?: string | undefined;
  complement?: string | undefined;
}

const required = (param: string) => new MkError('missingParam', `Parâmetro obrigatório não informado: ${param} (cidade informada).`);

/** condominio fills the whole address; cidade requires bairro, logradouro and numero; neither = the customer's address. */
async function resolveAddress(tx: Tx, a: OrderAddress): Promise<Partial<Updateable<ServiceOrdersTable>>> {
  if (a.condominiumId !== undefined) {
    const condo = await repo.activeCondominium(tx, a.condominiumId);
    if (!condo) throw notFoundCode('condominio');
    return { condominium_id: condo.id, street_id: condo.street_id, address_number: condo.address_number, cep: condo.cep, address_complement: a.complement ?? null };
  }
  if (a.cityId === undefined) return {};
  if (a.neighbourhoodId === undefined) throw required('bairro');
  if (a.streetId === undefined) throw required('logradouro');
  if (a.number === undefined) throw required('numero');
  if (!(await repo.cityExists(tx, a.cityId))) throw notFoundCode('cidade');
  const hood = await repo.neighbourhoodById(tx, a.neighbourhoodId);
  if (!hood || hood.city_id !== a.cityId) throw invalid('bairro', 'bairro não pertence à cidade');
  const street = await repo.streetChain(tx, a.streetId);
  if (!street || street.neighbourhood_id !== hood.id) throw invalid('logradouro', 'logradouro não pertence ao bairro');
  return { street_id: street.id, address_number: a.number.trim(), cep: street.cep, address_complement: a.complement ?? null };
}

export interface NewOrderInput {
  customerId: number;
  connectionId: number;
  contractId?: number | undefined;
  typeId: number;
  groupId: number;
  technicianId: number;
  ticketId?: number | undefined;
  problem: string;
  indications?: string | undefined;
  category?: 'customer' | 'network' | 'internal' | undefined;
  companyShortName?: string | undefined;
  address: OrderAddress;
}

export async function createOrder(deps: AppDeps, caller: Caller | null, p: NewOrderInput): Promise<number> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const customer = await repo.customerForOrder(tx, p.customerId);
    if (!customer) throw notFoundCode('CodigoCliente');
    const connection = await repo.connectionById(tx, p.connectionId);
    if (!connection) throw notFoundCode('CodigoConexao');
    if (connection.customer_id !== customer.id) throw invalid('CodigoConexao', 'conexão de outro cliente');
    let companyId = customer.company_id;
    const contractId = p.contractId ?? connection.contract_id;
    if (contractId !== null) {
      const contract = await repo.contractById(tx, contractId);
      if (!contract) throw notFoundCode('CodigoContrato');
      if (contract.customer_id !== customer.id) throw invalid('CodigoContrato', 'contrato de outro cliente');
      if (connection.contract_id !== null && connection.contract_id !== contract.id) throw invalid('CodigoConexao', 'conexão de outro contrato');
      companyId = contract.company_id;
    }
    if (p.companyShortName !== undefined) {
      const company = await repo.companyByShortName(tx, p.companyShortName.trim());
      if (!company) throw notFoundCode('dataConnection');
      companyId = company.id;
    }
    if (!(await repo.activeTypeExists(tx, p.typeId))) throw notFoundCode('CodigoTipoOS');
    if (!(await repo.activeTechnicianExists(tx, p.technicianId))) throw notFoundCode('CodigoTecnico');
    if (!(await repo.activeGroupExists(tx, p.groupId))) throw notFoundCode('CodigoGrupoServico');
    if (p.ticketId !== undefined) {
      const ticket = await repo.ticketById(tx, p.ticketId);
      if (!ticket) throw notFoundCode('CodigoAtendimento');
      if (ticket.customer_id !== customer.id) throw invalid('CodigoAtendimento', 'atendimento de outro cliente');
    }
    const address = await resolveAddress(tx, p.address);
    const id = await repo.insertOrder(tx, {
      company_id: companyId,
      customer_id: customer.id,
      contract_id: contractId,
      connection_id: connection.id,
      ticket_id: p.ticketId ?? null,
      service_order_type_id: p.typeId,
      service_group_id: p.groupId,
      technician_id: p.technicianId,
      team_id: await repo.teamOfTechnician(tx, p.technicianId),
      category: p.category ?? 'customer',
      status: 'open',
      reported_problem: p.problem.trim(),
      indications: p.indications?.trim() || null,
      opened_at: now,
      opened_by_operator_id: caller?.operatorId ?? null,
      created_at: now,
      updated_at: now,
      ...address,
    });
    await writeAudit(tx, {
      actor: callerActor(caller),
      action: 'create',
      entity: 'service_order',
      entityId: id,
      details: { customerId: customer.id, connectionId: connection.id, ticketId: p.ticketId ?? null },
      at: now,
    });
    return id;
  });
}

export interface OrderChanges {
  id: number;
  typeId: number;
  reportedProblem?: string | undefined;
  foundProblem?: string | undefined;
  operator?: string | undefined;
  linkTicketId?: number | undefined;
  close?: {
    operator: string;
    servicePerformed: string;
    classificationId: number;
    closeTicket: boolean;
    ticketClassificationId?: number | undefined;
  };
}

async function closingClassification(tx: Tx, id: number, param: string): Promise<number> {
  const c = await classificationById(tx, id);
  if (!c?.active) throw unknownCode(param);
  if (!c.closes_ticket) throw invalid(param, 'não é uma classificação de encerramento');
  return c.id;
}

export async function updateOrder(deps: AppDeps, caller: Caller | null, p: OrderChanges): Promise<void> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (tx) => {
    const order = await repo.orderForUpdate(tx, p.id);
    if (!order) throw new MkError('notFound');
    if (order.status === 'closed' || order.status === 'cancelled') throw new MkError('conflict', `OS ${order.id} já encerrada.`);
    if (!(await repo.activeTypeExists(tx, p.typeId))) throw unknownCode('tipo');
    const changes: Updateable<ServiceOrdersTable> = { service_order_type_id: p.typeId };
    if (p.reportedProblem !== undefined) changes.reported_problem = p.reportedProblem.trim();
    if (p.foundProblem !== undefined) changes.found_problem = p.foundProblem.trim();
    const operatorId = p.operator !== undefined ? await operatorByLogin(tx, p.operator, 'operador') : null;
    let ticketId = order.ticket_id;
    if (p.linkTicketId !== undefined) {
      const ticket = await repo.ticketById(tx, p.linkTicketId);
      if (!ticket) throw unknownCode('codigoAtendimentoAssociar');
      if (ticket.customer_id !== order.customer_id) throw invalid('codigoAtendimentoAssociar', 'atendimento de outro cliente');
      changes.ticket_id = ticket.id;
      ticketId = ticket.id;
    }
    let closedTicket: number | null = null;
    if (p.close) {
      const closer = await operatorByLogin(tx, p.close.operator, 'operadorEncerramento');
      changes.status = 'closed';
      changes.closed_at = now;
      changes.closed_by_operator_id = closer;
      changes.service_performed = p.close.servicePerformed.trim();
      changes.closing_classification_id = await closingClassification(tx, p.close.classificationId, 'classificacaoEncerramento');
      if (p.close.closeTicket) {
        if (ticketId === null) throw new MkError('conflict', `OS ${order.id} sem atendimento associado para fechar.`);
        const classification = await closingClassification(tx, p.close.ticketClassificationId as number, 'classificEncerramentoAtendmento');
        const ticket = await repo.ticketForUpdate(tx, ticketId);
        if (ticket && ticket.status !== 'closed') {
          await repo.closeTicket(tx, ticketId, classification, closer, now);
          closedTicket = ticketId;
        }
      }
    }
    await repo.updateOrder(tx, order.id, { ...changes, updated_at: now });
    await writeAudit(tx, {
      actor: callerActor(caller),
      action: p.close ? 'close' : 'update',
      entity: 'service_order',
      entityId: order.id,
      details: { operatorId, ticketId, closedTicket },
      at: now,
    });
    if (closedTicket !== null) {
      await writeAudit(tx, { actor: callerActor(caller), action: 'close', entity: 'ticket', entityId: closedTicket, details: { serviceOrderId: order.id }, at: now });
    }
  });
}
