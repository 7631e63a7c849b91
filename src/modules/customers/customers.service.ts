import type { Db } from '../../db/database.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { findCompanies, findPeople, listContractsOf, type PersonFilter, type PersonRow } from './customers.repository.ts';

/** Rows a name or phone search returns at most (docs/compat/customers.md). */
export const SEARCH_LIMIT = 50;
/** Rows of one WSMKConsultaClientes or /pessoas/empresa page (continue from the last code + 1). */
export const PAGE_LIMIT = 500;
/** Shorter search text cannot use the trigram index. */
export const MIN_NAME_SEARCH = 3;

/** ConsultaDoc: the main registration (oldest active, else oldest) and the others, newest first. */
export async function peopleByDocument(db: Db, document: string) {
  const rows = await findPeople(db, { document }, { order: 'oldest', limit: PAGE_LIMIT });
  const main = rows.find((r) => r.status === 'active') ?? rows[0];
  if (!main) throw new MkError('notFound');
  const others = rows.filter((r) => r !== main).reverse();
  return { main, others };
}

export interface SearchResult {
  rows: PersonRow[];
  truncated: boolean;
}

async function bounded(db: Db, filter: PersonFilter, order: 'name' | 'id'): Promise<SearchResult> {
  const rows = await findPeople(db, filter, { order, limit: SEARCH_LIMIT + 1 });
  return { rows: rows.slice(0, SEARCH_LIMIT), truncated: rows.length > SEARCH_LIMIT };
}

export function nameSearchText(value: string, param: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length < MIN_NAME_SEARCH) {
    throw new MkError('invalidParam', `Parâmetro inválido: ${param} (informe ao menos ${MIN_NAME_SEARCH} letras).`);
  }
  return text;
}

export const searchByName = (db: Db, name: string, param: string) =>
  bounded(db, { nameContains: nameSearchText(name, param) }, 'name');

export const searchByPhone = (db: Db, phone: string) => bounded(db, { phone }, 'id');

/** People with their companies, for the core-api shapes. */
export async function withCompanies(db: Db, rows: PersonRow[]) {
  const companies = await findCompanies(db, [...new Set(rows.map((r) => r.company_id))]);
  const byId = new Map(companies.map((c) => [c.id, c]));
  return rows.map((person) => ({ person, company: byId.get(person.company_id) }));
}

export async function personById(db: Db, id: number) {
  const [row] = await findPeople(db, { id }, { order: 'id', limit: 1 });
  if (!row) throw new MkError('notFound');
  return (await withCompanies(db, [row]))[0]!;
}

export async function peopleOfCompany(db: Db, companyId: number, fromId: number | undefined) {
  const companies = await findCompanies(db, [companyId]);
  if (companies.length === 0) throw new MkError('notFound');
  const rows = await findPeople(db, { companyId, ...(fromId !== undefined ? { idFrom: fromId } : {}) }, { order: 'id', limit: PAGE_LIMIT });
  return rows.map((person) => ({ person, company: companies[0] }));
}

export interface SyncFilter {
  document?: string;
  neighbourhoodId?: number;
  name?: string;
  changedFrom?: string;
  changedTo?: string;
  idFrom?: number;
  idTo?: number;
  id?: number;
}

// São Paulo has had no daylight saving since 2019: a calendar day starts at 03:00 UTC.
const startOfDaySaoPaulo = (isoDate: string) => new Date(`${isoDate}T00:00:00-03:00`);
const DAY_MS = 86_400_000;

/** WSMKConsultaClientes: at least one filter; a page of PAGE_LIMIT rows by code, with contracts. */
export async function customersForSync(db: Db, f: SyncFilter) {
  if (Object.values(f).every((v) => v === undefined)) throw new MkError('noFilter');
  if (f.changedFrom && f.changedTo && f.changedFrom > f.changedTo) {
    throw new MkError('invalidParam', 'Parâmetro inválido: data_alteracao_fim (anterior à data inicial).');
  }
  const filter: PersonFilter = {
    ...(f.id !== undefined ? { id: f.id } : {}),
    ...(f.document !== undefined ? { document: f.document } : {}),
    ...(f.neighbourhoodId !== undefined ? { neighbourhoodId: f.neighbourhoodId } : {}),
    ...(f.name !== undefined ? { nameContains: nameSearchText(f.name, 'nome_cliente') } : {}),
    ...(f.changedFrom !== undefined ? { updatedFrom: startOfDaySaoPaulo(f.changedFrom) } : {}),
    ...(f.changedTo !== undefined ? { updatedBefore: new Date(startOfDaySaoPaulo(f.changedTo).getTime() + DAY_MS) } : {}),
    ...(f.idFrom !== undefined ? { idFrom: f.idFrom } : {}),
    ...(f.idTo !== undefined ? { idTo: f.idTo } : {}),
  };
  const rows = await findPeople(db, filter, { order: 'id', limit: PAGE_LIMIT });
  const contracts = await listContractsOf(db, rows.map((r) => r.id));
  return rows.map((person) => ({ person, contracts: contracts.filter((k) => k.customer_id === person.id) }));
}
