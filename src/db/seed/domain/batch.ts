import { type Insertable, type Kysely, sql } from 'kysely';
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
