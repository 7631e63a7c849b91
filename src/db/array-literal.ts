// PostgreSQL's text forms of values: array literals for `insert … select from unnest(…)` with
// one array parameter per column (the embedded seed, the activity log), and the text the seed's
// COPY writes.

const ARRAY_ESCAPE = /["\\]/;

/** The value's text as PostgreSQL reads it (arrays as an array literal); null stays null. */
export function valueText(value: unknown, isArrayColumn: boolean): string | null {
  if (value === null) return null;
  if (value === undefined) throw new Error('array literal: undefined value (rows use null)');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (isArrayColumn) return `{${(value as unknown[]).map((v) => arrayElement(v, false)).join(',')}}`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return JSON.stringify(value);
}

/** One element of an array literal. */
export function arrayElement(value: unknown, isArrayColumn: boolean): string {
  const text = valueText(value, isArrayColumn);
  if (text === null) return 'NULL';
  if (typeof value === 'number') return text;
  return ARRAY_ESCAPE.test(text) ? `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : `"${text}"`;
}
