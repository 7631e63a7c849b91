import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import type { Db } from './database.ts';
import type { Tx } from './transaction.ts';

/**
 * A query built and compiled once per shape, then run with each call's values. Building and
 * compiling a Kysely query costs CPU on every call: ~150 µs for the 20-column person select with
 * its sub-selects, ~20 % of a WSMKConsultaDoc call in process (bench/README.md, 2026-12-02 09:39).
 *
 * How: `build` is called with the arguments replaced by placeholders, the query is compiled,
 * and each compiled parameter that is a placeholder becomes a slot filled from the arguments of
 * later calls; every other parameter is a constant of the query.
 *
 * What `build` may do with an argument: pass it to the query builder or a `sql` template, and
 * test whether it is present or truthy. Absent, `null` and falsy arguments (`0`, `''`, `false`)
 * are passed as they are and are part of the shape, so a builder may choose `is null` for null.
 * Computing with a placeholder (string methods, arithmetic, comparisons, template strings)
 * throws, so a value derived from an argument must be computed before the call and passed as an
 * argument of its own. Arrays must not become `in (…)` lists (their length would be part of the
 * SQL): use `= any(${ids})`. Keys listed in `shape` are not parameters: their value selects the
 * SQL (an ORDER BY, say) and every distinct value gets its own template.
 */
export function queryTemplate<A extends object, O>(
  build: (db: Db, args: A) => Compilable<O>,
  shape: readonly (keyof A & string)[] = [],
): (db: Db | Tx, args: A) => Promise<O[]> {
  const templates = new Map<string, Template<O>>();
  const shapeKeys = new Set<string>(shape);
  return async (db, args) => {
    const key = shapeOf(args, shapeKeys);
    let template = templates.get(key);
    if (!template) {
      template = compileTemplate(build(db, placeholders(args, shapeKeys)).compile());
      if (templates.size < MAX_SHAPES) templates.set(key, template);
    }
    const values = args as Record<string, unknown>;
    const parameters = template.slots.map((slot) => (slot.key === undefined ? slot.value : values[slot.key]));
    const compiled: CompiledQuery<O> = { query: template.query, queryId: createQueryId(), sql: template.sql, parameters };
    return (await db.executeQuery(compiled)).rows;
  };
}

/** One query's distinct shapes are few; beyond this a caller is passing values as shape. */
const MAX_SHAPES = 64;

interface Template<O> {
  sql: string;
  query: CompiledQuery<O>['query'];
  slots: { key?: string; value?: unknown }[];
}

class Placeholder {
  constructor(readonly key: string) {}
  [Symbol.toPrimitive](): never {
    throw new Error(`queryTemplate: argument "${this.key}" was computed with; pass the computed value as an argument`);
  }
  toJSON(): never {
    return this[Symbol.toPrimitive]();
  }
}

function isPassedAsIs(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === 0 || value === '' || Number.isNaN(value);
}

function shapeOf(args: object, shapeKeys: Set<string>): string {
  let key = '';
  for (const name of Object.keys(args).sort()) {
    const value = (args as Record<string, unknown>)[name];
    if (value === undefined) continue;
    key += shapeKeys.has(name) || isPassedAsIs(value) ? `${name}=${typeof value}:${String(value)};` : `${name};`;
  }
  return key;
}

function placeholders<A extends object>(args: A, shapeKeys: Set<string>): A {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    out[name] = shapeKeys.has(name) || isPassedAsIs(value) ? value : new Placeholder(name);
  }
  return out as A;
}

function compileTemplate<O>(compiled: CompiledQuery<O>): Template<O> {
  const slots = compiled.parameters.map((parameter) => {
    if (parameter instanceof Placeholder) return { key: parameter.key };
    if (containsPlaceholder(parameter)) {
      throw new Error('queryTemplate: a parameter holds an argument inside an array or object; pass it as a value of its own');
    }
    return { value: parameter };
  });
  return { sql: compiled.sql, query: compiled.query, slots };
}

function containsPlaceholder(value: unknown): boolean {
  if (value instanceof Placeholder) return true;
  if (Array.isArray(value)) return value.some(containsPlaceholder);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).some(containsPlaceholder);
  }
  return false;
}
