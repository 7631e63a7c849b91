import { finished } from 'node:stream/promises';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { postgresUrlOf } from '../../database.ts';
import type { DB } from '../../types.ts';
import { DOMAIN_TABLES, type DomainTable, type PendingRows } from './batch.ts';
import { unnestInsert } from '../../unnest-insert.ts';
import { copyField } from './seed-values.ts';

// Rows per statement: values travel as one array parameter per column (or as COPY text), so no
// bind-parameter limit applies; this only bounds the size of one statement.
const ROWS_PER_STATEMENT = 5_000;

type ColumnTypes = Map<string, Map<string, { type: string; isArray: boolean }>>;

/** Consecutive rows of one table with the same keys. */
interface Run {
  table: DomainTable;
  columns: string[];
  rows: object[];
  from: number;
  to: number;
}

/**
 * Writes the seed's batches: one transaction per batch, parents before children (DOMAIN_TABLES
 * order). PostgreSQL: COPY … FROM STDIN on connections of its own (about half the server's work
 * of an INSERT of the same rows); the embedded engine: one `insert … select … from unnest(…)` per
 * table.
 *
 * On PostgreSQL, when the role may set `session_replication_role`, the batches skip the per-row
 * foreign-key checks (more than half of the server's work for these rows: one lookup and row lock
 * per reference) and verify() checks every reference of the seeded tables afterwards, one
 * anti-join per table. The embedded engine (and a role without that right) checks every row.
 */
export class RowWriter {
  private constructor(
    private readonly db: Kysely<DB>,
    private readonly pool: pg.Pool | null,
    private readonly types: ColumnTypes,
    private readonly checksDeferred: boolean,
    private readonly counts: Record<string, number>,
    private readonly timings: Map<string, number> | undefined,
  ) {}

  static async open(db: Kysely<DB>, counts: Record<string, number>, timings?: Map<string, number>): Promise<RowWriter> {
    const url = postgresUrlOf(db);
    const pool = url ? new pg.Pool({ connectionString: url, max: 4 }) : null;
    pool?.on('error', () => {});
    try {
      return new RowWriter(db, pool, await loadColumnTypes(db), pool ? await mayDeferChecks(db) : false, counts, timings);
    } catch (error) {
      await pool?.end();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }

  async write(pending: PendingRows): Promise<void> {
    const runs: Run[] = [];
    for (const table of DOMAIN_TABLES) {
      const rows = pending.get(table);
      if (!rows || rows.length === 0) continue;
      for (const [from, to] of sameShapeRuns(rows, ROWS_PER_STATEMENT)) {
        runs.push({ table, columns: Object.keys(rows[from] as object), rows, from, to });
      }
    }
    if (runs.length > 0) await (this.pool ? this.copy(this.pool, runs) : this.insert(runs));
  }

  private async copy(pool: pg.Pool, runs: Run[]): Promise<void> {
    // Built before a connection is taken, so it is held only while the database works.
    const texts = runs.map((run) => copyText(run, this.types));
    const client = await pool.connect();
    try {
      await client.query('begin');
      // Demo data can be regenerated: no need to wait for each batch's WAL flush.
      await client.query('set local synchronous_commit = off');
      if (this.checksDeferred) await client.query('set local session_replication_role = replica');
      for (const [i, run] of runs.entries()) {
        const started = performance.now();
        const names = run.columns.map((c) => `"${c}"`).join(',');
        const stream = client.query(copyFrom(`copy "${run.table}" (${names}) from stdin`));
        const done = finished(stream);
        stream.end(texts[i]);
        await done;
        this.tally(run, started);
      }
      await client.query('commit');
      client.release();
    } catch (error) {
      await client.query('rollback').catch(() => {});
      client.release(true);
      throw error;
    }
  }

  private async insert(runs: Run[]): Promise<void> {
    const queries = runs.map((run) => compileInsert(run, this.types));
    await this.db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      for (const [i, run] of runs.entries()) {
        const started = performance.now();
        await trx.executeQuery(queries[i] as CompiledQuery);
        this.tally(run, started);
      }
    });
  }

  private tally(run: Run, started: number): void {
    this.counts[run.table] = (this.counts[run.table] ?? 0) + run.to - run.from;
    this.timings?.set(run.table, (this.timings.get(run.table) ?? 0) + performance.now() - started);
  }

  /** Throws, naming the constraints, if a seeded row references a missing row (deferred checks only). */
  async verify(): Promise<void> {
    if (!this.checksDeferred) return;
    const { rows } = await sql<{ child: string; column: string; parent: string; parent_column: string; name: string }>`
      select ch.relname as child, a.attname as column, pa.relname as parent, pk.attname as parent_column, c.conname as name
      from pg_constraint c
        join pg_class ch on ch.oid = c.conrelid join pg_class pa on pa.oid = c.confrelid
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        join pg_attribute pk on pk.attrelid = c.confrelid and pk.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1 and ch.relnamespace = current_schema()::regnamespace
        and ch.relname = any(${[...DOMAIN_TABLES]})
      order by ch.relname, c.conname`.execute(this.db);
    const byTable = new Map<string, typeof rows>();
    for (const row of rows) byTable.set(row.child, [...(byTable.get(row.child) ?? []), row]);
    const broken: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      // Hash joins over millions of rows: enough memory that they need not spill to disk.
      await sql`set local work_mem = '256MB'`.execute(trx);
      for (const [table, keys] of byTable) {
        const joins = keys.map((k, i) => `left join "${k.parent}" p${i} on p${i}."${k.parent_column}" = c."${k.column}"`);
        const checks = keys.map((k, i) => `count(*) filter (where c."${k.column}" is not null and p${i}."${k.parent_column}" is null) as "${i}"`);
        const query = CompiledQuery.raw(`select ${checks.join(',')} from "${table}" c ${joins.join(' ')}`, []);
        const result = (await trx.executeQuery<Record<string, string>>(query)).rows[0] ?? {};
        keys.forEach((k, i) => {
          if (Number(result[i]) > 0) broken.push(`${k.name} (${result[i]} rows)`);
        });
      }
    });
    if (broken.length > 0) throw new Error(`seed: rows reference missing rows: ${broken.join(', ')}`);
  }
}

/** Each column's SQL type per seeded table (one query). */
async function loadColumnTypes(db: Kysely<DB>): Promise<ColumnTypes> {
  const { rows } = await sql<{ table_name: string; column_name: string; type: string; is_array: boolean }>`
    select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
      t.typcategory = 'A' as is_array
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_type t on t.oid = a.atttypid
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and a.attnum > 0
      and not a.attisdropped and c.relname = any(${[...DOMAIN_TABLES]})`.execute(db);
  const types: ColumnTypes = new Map();
  for (const row of rows) {
    const table = types.get(row.table_name) ?? new Map();
    types.set(row.table_name, table);
    table.set(row.column_name, { type: row.type, isArray: row.is_array });
  }
  return types;
}

/** Whether the role may set session_replication_role (a superuser, or granted it). */
async function mayDeferChecks(db: Kysely<DB>): Promise<boolean> {
  try {
    await db.transaction().execute((trx) => sql`set local session_replication_role = replica`.execute(trx));
    return true;
  } catch {
    return false;
  }
}

/** Consecutive rows with the same keys, at most `max` at a time (insertion order is kept). */
function sameShapeRuns(rows: object[], max: number): [number, number][] {
  const runs: [number, number][] = [];
  let from = 0;
  let shape = Object.keys(rows[0] as object).join();
  for (let i = 1; i <= rows.length; i++) {
    const next = i < rows.length ? Object.keys(rows[i] as object).join() : '';
    if (i === rows.length || next !== shape || i - from >= max) {
      runs.push([from, i]);
      from = i;
      shape = next;
    }
  }
  return runs;
}

function columnTypes(run: Run, types: ColumnTypes): { type: string; isArray: boolean }[] {
  const table = types.get(run.table);
  return run.columns.map((column) => {
    const type = table?.get(column);
    if (!type) throw new Error(`seed: no column ${run.table}.${column}`);
    return type;
  });
}

/** The rows as COPY's text format: a line per row, fields separated by tabs. */
function copyText(run: Run, types: ColumnTypes): string {
  const arrayColumns = columnTypes(run, types).map((t) => t.isArray);
  const lines: string[] = [];
  for (let r = run.from; r < run.to; r++) {
    const row = run.rows[r] as Record<string, unknown>;
    lines.push(run.columns.map((column, i) => copyField(row[column], arrayColumns[i] as boolean)).join('\t'));
  }
  lines.push('');
  return lines.join('\n');
}

/**
 * `insert … select … from unnest(<one array per column>)` (unnest-insert.ts): a short statement
 * whatever the row count, cheaper for both sides than tens of thousands of bind parameters. Table
 * and column names come from DOMAIN_TABLES and from rows type-checked by Batch.add, never from input.
 */
function compileInsert(run: Run, types: ColumnTypes): CompiledQuery {
  const columns = columnTypes(run, types).map((type, i) => [run.columns[i] as string, type.type] as const);
  return unnestInsert<Record<string, unknown>>(run.table, columns)(run.rows.slice(run.from, run.to) as Record<string, unknown>[]);
}
