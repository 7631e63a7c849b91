// Text forms of seed values for the two bulk paths: PostgreSQL array literals (the embedded
// engine's `insert … select from unnest(…)`) and COPY's text format (PostgreSQL).

const ARRAY_ESCAPE = /["\\]/;
const COPY_ESCAPE = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The value's text as PostgreSQL reads it (arrays as an array literal); null stays null. */
function valueText(value: unknown, isArrayColumn: boolean): string | null {
  if (value === null) return null;
  if (value === undefined) throw new Error('seed: undefined value (rows use null)');
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

/** One field of a COPY … FROM STDIN line (text format). */
export function copyField(value: unknown, isArrayColumn: boolean): string {
  const text = valueText(value, isArrayColumn);
  if (text === null) return '\\N';
  COPY_ESCAPE.lastIndex = 0;
  return COPY_ESCAPE.test(text) ? text.replace(COPY_ESCAPE, (c) => COPY_ESCAPES[c] as string) : text;
}
