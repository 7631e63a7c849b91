import { createHash } from 'node:crypto';
import pg from 'pg';

/** Named statements one pooled connection keeps at most; beyond it, new texts run unnamed. */
export const MAX_PREPARED_PER_CONNECTION = 500;
const NAME_CACHE_LIMIT = 5_000;

const names = new Map<string, string>();

/** A stable statement name for a SQL text (same text → same name on every connection). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `pv_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= NAME_CACHE_LIMIT) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * A pg client that runs parameterised queries as named prepared statements, so PostgreSQL parses
 * and plans each SQL text once per connection instead of on every call (unnamed statements are
 * planned again each time; for the MK lookups planning cost more than executing). Queries without
 * parameters (migrations, several statements in one text) keep the simple protocol. Each
 * connection prepares at most MAX_PREPARED_PER_CONNECTION texts: queries whose text varies with
 * their input (`in ($1, $2, …)` lists) cannot grow a backend's memory without bound.
 */
export class PreparingClient extends pg.Client {
  readonly #named = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is heavily overloaded; arguments pass through unchanged
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(config);
      if (this.#named.has(name) || this.#named.size < MAX_PREPARED_PER_CONNECTION) {
        this.#named.add(name);
        return super.query({ name, text: config, values }, callback);
      }
    }
    return super.query(config, values, callback);
  }
}
