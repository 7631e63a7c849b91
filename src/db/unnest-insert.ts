import { CompiledQuery } from 'kysely';
import { arrayElement } from './array-literal.ts';

/** A column an unnest insert sets: its name and SQL type as `format_type` writes it (`integer[]` for an array column). */
export type UnnestColumn<Row> = readonly [name: keyof Row & string, type: string];

/**
 * `insert into <table> (…) select … from unnest(<one array literal per column>)`: one statement
 * text whatever the number of rows, so it is parsed and planned once per connection (a multi-row
 * VALUES list is a new text, with a parameter per value, for every row count). Array columns
 * travel as the text of each array and are cast back. Table and column names come from the
 * caller's code, never from input; values are only ever inside the array parameters.
 */
export function unnestInsert<Row>(table: string, columns: readonly UnnestColumn<Row>[]): (rows: readonly Row[]) => CompiledQuery {
  const isArray = columns.map(([, type]) => type.endsWith('[]'));
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const select = columns.map(([, type], i) => (isArray[i] ? `c${i}::${type}` : `c${i}`)).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::text::${isArray[i] ? 'text' : type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const text = `insert into "${table}" (${names}) select ${select} from unnest(${arrays}) as u(${aliases})`;
  return (rows) =>
    CompiledQuery.raw(
      text,
      columns.map(([name], i) => `{${rows.map((row) => arrayElement(row[name] ?? null, isArray[i] as boolean)).join(',')}}`),
    );
}
