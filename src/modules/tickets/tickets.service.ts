// Tickets (atendimentos): lookups, the period list, opening (WSMKNovoAtendimento and
// POST /core-api/atendimentos share openTicket) and comments.
import { callerActor, writeAudit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { compareIsoDates } from '../../lib/dates.ts';
import { invalid, unknownCode } from '../addresses/address-input.ts';
import * as repo from './tickets.repository.ts';

export const listClassifications = (db: Db) => repo.activeClassifications(db);

export interface ProcessNode {
  id: number;
  name: string;
  children: ProcessNode[];
}

/** Root processes with their active sub-processes (a child under an inactive parent is hidden). */
export async function listProcesses(db: Db): Promise<ProcessNode[]> {
  const rows = await repo.activeProcesses(db);
  const nodes = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, children: [] as ProcessNode[] }]));
  const roots: ProcessNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id) as ProcessNode;
    if (r.parent_id === null) roots.push(node);
    else nodes.get(r.parent_id)?.children.push(node);
  }
  return roots;
}

export async function attendant(db: Db, id: number) {
  const row = await repo.attendantById(db, id);
  if (!row) throw new MkError('notFound');
  return row;
}

export async function ticketsInPeriod(db: Db, from: string | undefined, to: string | undefined) {
  if (!from && !to) throw new MkError('noFilter');
  if (from && to && compareIsoDates(from, to) > 0) throw invalid('data_termino', 'anterior a data_inicio');
  return repo.ticketsOpenedBetween(db, from ?? null, to ?? null);
}

/** A known, active operator login (op_abertura, user, operador…); 005 naming the parameter otherwise. */
export async function operatorByLogin(db: Db | Tx, login: string, param: string): Promise<number> {
  const op = await repo.activeOperatorByLogin(db, login.trim());
  if (!op) throw invalid(param, 'operador não cadastrado');
  return op.id;
}

export interface OpenTicketInput {
  customerId: number;
  contractId?: number | undefined;
  connectionId?: number | undefined;
  companyId?: number | undefined;
  processId: number;
  classificationId: number;
  contactOriginId?: number | undefined;
  viewerGroupId?: number | undefined;
  info: string;
  operatorLogin?: string | undefined;
  /** Wire names of the inputs, for error texts (the two surfaces spell them differently). */
  names: { contract: string; connection: string; process: string; classification: string; company: string; operator: string };
}

/** Connection of the ticket: the contract's only one, else the given one (which must be the contract's), else none. */
async function pickConnection(tx: Tx, customerId: number, contractId: number | null, given: number | undefined, name: string) {
  if (given !== undefined) {
    const c = await repo.connectionById(tx, given);
    if (!c || c.customer_id !== customerId) throw invalid(name, 'conexão não pertence ao cliente');
    if (contractId !== null && c.contract_id !== contractId) throw invalid(name, 'conexão não pertence ao contrato');
    return c.id;
  }
  if (contractId === null) return null;
  const all = await repo.connectionsOfContract(tx, contractId);
  return all.length === 1 ? (all[0]?.id ?? null) : null;
}

export async function openTicket(deps: AppDeps, caller: Caller | null, p: OpenTicketInput) {
  const info = p.info.trim();
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const customer = await repo.customerForTicket(tx, p.customerId);
    if (!customer) throw new MkError('notFound');
    if (customer.status !== 'active') throw new MkError('conflict', 'Cliente inativo não pode abrir atendimento.');
    let companyId = customer.company_id;
    let contractId: number | null = null;
    if (p.contractId !== undefined) {
      const contract = await repo.contractOf(tx, p.contractId);
      if (!contract || contract.customer_id !== customer.id) throw invalid(p.names.contract, 'contrato não pertence ao cliente');
      contractId = contract.id;
      companyId = contract.company_id;
    }
    if (p.companyId !== undefined) {
      if (!(await repo.companyExists(tx, p.companyId))) throw unknownCode(p.names.company);
      if (p.companyId !== companyId) throw invalid(p.names.company, 'empresa diferente da do contrato/cliente');
    }
    const connectionId = await pickConnection(tx, customer.id, contractId, p.connectionId, p.names.connection);
    const process = await repo.processById(tx, p.processId);
    if (!process) throw unknownCode(p.names.process);
    if (!process.active) throw new MkError('conflict', `Processo ${p.processId} inativo.`);
    const classification = await repo.classificationById(tx, p.classificationId);
    if (!classification?.active) throw unknownCode(p.names.classification);
    if (classification.closes_ticket) {
      throw invalid(p.names.classification, 'classificação de encerramento não abre atendimento');
    }
    if (p.viewerGroupId !== undefined && !(await repo.viewerGroupExists(tx, p.viewerGroupId))) {
      throw unknownCode('cd_grupo_visualizadores');
    }
    const operatorId = p.operatorLogin !== undefined ? await operatorByLogin(tx, p.operatorLogin, p.names.operator) : (caller?.operatorId ?? null);
    const ticket = await repo.insertTicket(tx, {
      company_id: companyId,
      customer_id: customer.id,
      contract_id: contractId,
      connection_id: connectionId,
      process_id: process.id,
      opening_classification_id: classification.id,
      contact_origin_id: p.contactOriginId ?? null,
      viewer_group_id: p.viewerGroupId ?? null,
      attendant_id: operatorId === null ? null : await repo.attendantOfOperator(tx, operatorId),
      opened_by_operator_id: operatorId,
      description: info,
      opened_at: now,
    });
    await writeAudit(tx, {
      actor: callerActor(caller),
      action: 'open',
      entity: 'ticket',
      entityId: ticket.id,
      details: { customerId: customer.id, contractId, connectionId, protocol: ticket.protocol },
      at: now,
    });
    return { id: ticket.id, protocol: ticket.protocol, customerId: customer.id, customerName: customer.name, companyId, contractId, connectionId };
  });
}

/** MK stores comments HTML-entity encoded in a varchar(300): the limit counts the encoded text (wire-formats §1.2). */
export const COMMENT_LIMIT = 300;

const ENTITY_SUFFIX: Record<string, string> = { '\u0301': 'acute', '\u0300': 'grave', '\u0303': 'tilde', '\u0302': 'circ', '\u0327': 'cedil', '\u0308': 'uml' };
const ASCII_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Length of the text once encoded as MK does: `Á` → `&Aacute;`, `&` → `&amp;`, other non-ASCII → `&#N;`. */
export function htmlEncodedLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ASCII_ENTITY[ch]) n += (ASCII_ENTITY[ch] as string).length;
    else if (code < 128) n += 1;
    else {
      const [base, mark] = [...ch.normalize('NFD')];
      const suffix = mark ? ENTITY_SUFFIX[mark] : undefined;
      n += base && suffix ? `&${base}${suffix};`.length : `&#${code};`.length;
    }
  }
  return n;
}

export async function addComment(
  deps: AppDeps,
  caller: Caller | null,
  p: { ticketId: number; text: string; type: '1' | '2'; user?: string | undefined },
) {
  const text = p.text.trim();
  if (htmlEncodedLength(text) > COMMENT_LIMIT) {
    throw invalid('comentario', `até ${COMMENT_LIMIT} caracteres depois da codificação HTML; divida o texto`);
  }
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const operatorId = p.user !== undefined ? await operatorByLogin(tx, p.user, 'user') : (caller?.operatorId ?? null);
    const ticket = await repo.ticketForUpdate(tx, p.ticketId);
    if (!ticket || ticket.status === 'closed') throw new MkError('notFound');
    const visibility = p.type === '2' ? 'public' : 'private';
    const comment = await repo.insertComment(tx, { ticket_id: ticket.id, body: text, visibility, operator_id: operatorId, created_at: now });
    await writeAudit(tx, { actor: callerActor(caller), action: 'comment', entity: 'ticket', entityId: ticket.id, details: { commentId: comment.id, visibility }, at: now });
    return { ticketId: ticket.id, text };
  });
}
