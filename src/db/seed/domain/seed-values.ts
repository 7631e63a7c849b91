// COPY's text format of seed values (PostgreSQL); array literals are in src/db/array-literal.ts.
import { valueText } from '../../array-literal.ts';

const COPY_ESCAPE = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of a COPY … FROM STDIN line (text format). */
export function copyField(value: unknown, isArrayColumn: boolean): string {
  const text = valueText(value, isArrayColumn);
  if (text === null) return '\\N';
  COPY_ESCAPE.lastIndex = 0;
  return COPY_ESCAPE.test(text) ? text.replace(COPY_ESCAPE, (c) => COPY_ESCAPES[c] as string) : text;
}
