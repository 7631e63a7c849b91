import { CompiledQuery, type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../types.ts';

export type Row<T extends keyof DB> = Insertable<DB[T]>;

/** Every table the domain seed fills, parents before children (the insert order). */
export const DOMAIN_TABLES = [
  'files', 'cities', 'neighbourhoods', 'streets', 'postal_codes', 'condominiums', 'companies',
  'access_plans', 'crm_products', 'crm_product_plans', 'due_date_rules', 'sla_tables', 'blocking_rules',
  'bank_accounts', 'payment_profiles', 'payment_conditions', 'discounts', 'chart_of_accounts',
  'customer_classifications', 'resellers', 'attendance_groups', 'contract_status_reasons',
  'invoice_suspension_reasons', 'acceptance_terms', 'servers', 'server_access_plans', 'access_points',
  'ip_pools', 'ip_addresses', 'ticket_classifications', 'ticket_processes', 'attendants',
  'service_order_types', 'service_groups', 'technicians', 'teams', 'team_members', 'sales_consultants',
  'customers', 'customer_phones', 'customer_emails', 'leads', 'contracts', 'contract_status_changes',
  'contract_acceptances', 'connections', 'network_boxes', 'network_box_ports', 'port_reservations',
  'connection_self_unblocks', 'connection_sessions', 'credit_cards', 'credit_card_attempts', 'invoices',
  'invoice_items', 'payment_orders', 'payment_order_invoices', 'settlements', 'outage_notices',
  'outage_affected_connections', 'tickets', 'ticket_comments', 'service_orders', 'notification_outbox',
] as const satisfies readonly (keyof DB)[];

export type DomainTable = (typeof DOMAIN_TABLES)[number];

// PostgreSQL's bind-parameter limit is 65 535 per statement; stay clear of it.
const MAX_PARAMS_PER_STATEMENT = 60_000;

/** Explicit ids, so children can point at parents before anything is written. */
export class IdAllocator {
  #last = new Map<string, number>();
  next(table: DomainTable): number {
    const id = (this.#last.get(table) ?? 0) + 1;
    this.#last.set(table, id);
    return id;
  }
  last(table: DomainTable): number {
    return this.#last.get(table) ?? 0;
  }
}

/** Rows of one transaction, per table. */
export type PendingRows = Map<DomainTable, object[]>;

/** Rows waiting to be written; take() hands them over as one transaction's worth. */
export class Batch {
  #rows: PendingRows = new Map();

  add<T extends DomainTable>(table: T, row: Row<T>): void {
    const list = this.#rows.get(table);
    if (list) list.push(row);
    else this.#rows.set(table, [row]);
  }

  take(): PendingRows {
    const taken = this.#rows;
    this.#rows = new Map();
    return taken;
  }
}

/** Writes the rows in one transaction, parents before children (DOMAIN_TABLES order). */
export async function writeRows(
  db: Kysely<DB>, pending: PendingRows, counts: Record<string, number>, timings?: Map<string, number>,
): Promise<void> {
  if (pending.size === 0) return;
  await db.transaction().execute(async (trx) => {
    // Demo data can be regenerated: no need to wait for each batch's WAL flush.
    await sql`set local synchronous_commit = off`.execute(trx);
    for (const table of DOMAIN_TABLES) {
      const rows = pending.get(table);
      if (!rows || rows.length === 0) continue;
      const started = performance.now();
      await insertChunked(trx, table, rows);
      counts[table] = (counts[table] ?? 0) + rows.length;
      timings?.set(table, (timings.get(table) ?? 0) + performance.now() - started);
    }
  });
}

async function insertChunked(db: Kysely<DB>, table: DomainTable, rows: object[]): Promise<void> {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  const names = [...columns];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / Math.max(1, names.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    await db.executeQuery(compileInsert(table, names, rows.slice(i, i + perStatement)));
  }
}

/**
 * A multi-row INSERT built directly: at hundreds of thousands of rows, building Kysely's query
 * tree costs more than the database does. Table and column names come from DOMAIN_TABLES and
 * from rows type-checked by Batch.add, never from input; every value is a bind parameter.
 */
function compileInsert(table: DomainTable, columns: string[], rows: object[]): CompiledQuery {
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    const slots: string[] = [];
    for (const column of columns) {
      const value = record[column];
      if (value === undefined) slots.push('default');
      else {
        params.push(value);
        slots.push(`$${params.length}`);
      }
    }
    tuples.push(`(${slots.join(',')})`);
  }
  const columnList = columns.map((c) => `"${c}"`).join(',');
  return CompiledQuery.raw(`insert into "${table}" (${columnList}) values ${tuples.join(',')}`, params);
}

/** Moves every identity sequence past the explicit ids the seed wrote. */
export async function advanceIdentitySequences(db: Kysely<DB>): Promise<void> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'id' and is_identity = 'YES'`.execute(db);
  const seeded = new Set<string>(DOMAIN_TABLES);
  for (const { table_name } of rows) {
    if (!seeded.has(table_name)) continue;
    await sql`select setval(pg_get_serial_sequence(${table_name}, 'id'),
      coalesce((select max(id) from ${sql.table(table_name)}), 0) + 1, false)`.execute(db);
  }
  await sql`select setval('ticket_protocol_seq',
    coalesce((select max(split_part(protocol, '.', 2)::bigint) from tickets), 0) + 1, false)`.execute(db);
}
