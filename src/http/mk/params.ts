import { type SchemaOptions, type TObject, type TSchema, type TString, Type } from '@sinclair/typebox';
import { parseMkDate } from '../../lib/dates.ts';
import { classifyDocument, normalizeDocument } from '../../lib/documents.ts';

/**
 * Parameter schemas shared by every endpoint. Extra keywords drive the normalisation done before
 * validation: `x-mk` (date → ISO, document → digits), `x-aliases` (other accepted names) and
 * `x-hint` (added to the error text when the value is refused).
 */
interface ParamOptions extends SchemaOptions {
  description?: string;
  aliases?: string[];
  hint?: string;
}

const INVALID = '\u0000invalid';
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const DOCUMENT = '^([0-9]{11}|[0-9A-Z]{12}[0-9]{2})$';
const MAX_INT = 2_147_483_647;

function extra(o: ParamOptions | undefined): SchemaOptions {
  if (!o) return {};
  const { aliases, hint, ...rest } = o;
  return { ...rest, ...(aliases ? { 'x-aliases': aliases } : {}), ...(hint ? { 'x-hint': hint } : {}) };
}

export const mkParam = {
  /** A numeric code (ids are JSON numbers on the wire). */
  id: (o?: ParamOptions) => Type.Integer({ minimum: 1, maximum: MAX_INT, ...extra(o) }),
  integer: (min: number, max: number, o?: ParamOptions) => Type.Integer({ minimum: min, maximum: max, ...extra(o) }),
  /** Free text; blank (whitespace-only) values are refused like absent ones. */
  text: (maxLength: number, o?: ParamOptions) => Type.String({ minLength: 1, maxLength, pattern: '\\S', ...extra(o) }),
  /** Accepts DD/MM/YYYY, YYYY-MM-DD or YYYY/MM/DD; the handler receives YYYY-MM-DD. */
  date: (o?: ParamOptions): TString =>
    Type.String({ pattern: ISO_DATE, 'x-mk': 'date', 'x-hint': 'use DD/MM/AAAA, AAAA-MM-DD ou AAAA/MM/DD', ...extra(o) }),
  /** CPF or CNPJ (numeric or alphanumeric), punctuation allowed; the handler receives it normalised. */
  document: (o?: ParamOptions): TString =>
    Type.String({
      pattern: DOCUMENT,
      'x-mk': 'document',
      'x-hint': 'CPF ou CNPJ válido (dígitos verificadores conferidos)',
      ...extra(o),
    }),
  oneOf: <T extends string>(values: readonly T[], o?: ParamOptions) =>
    Type.Unsafe<T>({ type: 'string', enum: [...values], 'x-hint': `valores aceitos: ${values.join(', ')}`, ...extra(o) }),
  /** Several numeric codes in one parameter, e.g. `faturas=1;2;3`. */
  idList: (separator: ';' | ',' | '|', o?: ParamOptions) =>
    Type.String({
      pattern: `^\\d{1,10}(${escapeSeparator(separator)}\\d{1,10})*${escapeSeparator(separator)}?$`,
      'x-hint': `códigos numéricos separados por "${separator}"`,
      ...extra(o),
    }),
};

const escapeSeparator = (separator: string) => (separator === '|' ? '\\|' : separator);

export function splitIdList(value: string, separator: ';' | ',' | '|'): number[] {
  return [...new Set(value.split(separator).filter((s) => s !== '').map(Number))];
}

interface PropertyInfo {
  canonical: string;
  kind: string | undefined;
}

/** Lower-cased name (and aliases) → the declared name, built once per endpoint. */
export function paramLookup(schema: TObject): Map<string, PropertyInfo> {
  const map = new Map<string, PropertyInfo>();
  for (const [name, prop] of Object.entries(schema.properties as Record<string, TSchema>)) {
    const info = { canonical: name, kind: prop['x-mk'] as string | undefined };
    map.set(name.toLowerCase(), info);
    for (const alias of (prop['x-aliases'] as string[] | undefined) ?? []) map.set(alias.toLowerCase(), info);
  }
  return map;
}

/**
 * Merges query string and urlencoded body into one object keyed by declared names. MK clients
 * vary the casing (`Token=`), send empty values for "absent" and mix date formats (§1.2).
 */
export function normalizeParams(
  sources: unknown[],
  lookup: Map<string, PropertyInfo>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of sources) {
    if (source === null || typeof source !== 'object') continue;
    for (const [rawName, rawValue] of Object.entries(source as Record<string, unknown>)) {
      const info = lookup.get(rawName.toLowerCase());
      if (!info) continue;
      if (rawValue === undefined || rawValue === '') continue;
      out[info.canonical] = typeof rawValue === 'string' ? convert(rawValue, info.kind) : rawValue;
    }
  }
  return out;
}

function convert(value: string, kind: string | undefined): string {
  if (kind === 'date') return parseMkDate(value.trim()) ?? INVALID;
  if (kind === 'document') {
    const normalized = normalizeDocument(value);
    return classifyDocument(normalized) ? normalized : INVALID;
  }
  return value;
}
