import { type SchemaOptions, type TObject, type TSchema, type TString, Type } from '@sinclair/typebox';
import { parseMkDate } from '../../lib/dates.ts';
import { classifyDocument, normalizeDocument } from '../../lib/documents.ts';
import { MkError } from './mk-errors.ts';
import { fileLimitText, MkFile, type SniffedType } from './multipart.ts';

/**
 * Parameter schemas shared by every endpoint. Extra keywords drive the normalisation done before
 * validation: `x-mk` (date → ISO, document → digits), `x-aliases` (other accepted names) and
 * `x-hint` (added to the error text when the value is refused).
 */
interface ParamOptions extends SchemaOptions {
  description?: string;
  aliases?: string[];
  hint?: string;
  /**
   * The value is a secret or personal data that logs must not keep (card data, passwords,
   * tokens). Values of parameters declared through `mkParam` without it are logged; values of
   * anything else (raw schemas, unknown names) never are.
   */
  sensitive?: boolean;
}

const INVALID = '\u0000invalid';
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const DOCUMENT = '^([0-9]{11}|[0-9A-Z]{12}[0-9]{2})$';
const MAX_INT = 2_147_483_647;

function extra(o: ParamOptions | undefined): SchemaOptions {
  if (!o) return { 'x-log': 'safe' };
  const { aliases, hint, sensitive, ...rest } = o;
  return {
    ...rest,
    'x-log': sensitive ? 'sensitive' : 'safe',
    ...(aliases ? { 'x-aliases': aliases } : {}),
    ...(hint ? { 'x-hint': hint } : {}),
  };
}

export const mkParam = {
  /** A numeric code (ids are JSON numbers on the wire). */
  id: (o?: ParamOptions) => Type.Integer({ minimum: 1, maximum: MAX_INT, ...extra(o) }),
  integer: (min: number, max: number, o?: ParamOptions) => Type.Integer({ minimum: min, maximum: max, ...extra(o) }),
  /** A range bound or offset over ids: 0 is valid (synchronisation clients page from 0). */
  rangeBound: (o?: ParamOptions) => Type.Integer({ minimum: 0, maximum: MAX_INT, ...extra(o) }),
  /** A string checked by a regular expression; `hint` says what is expected. */
  pattern: (pattern: string, hint: string, o?: ParamOptions) => Type.String({ pattern, ...extra({ hint, ...o }) }),
  /**
   * A file part of a `multipart/form-data` body (never the query string). The handler receives an
   * `MkFile` whose type was sniffed from its bytes; other types or a larger file → 005.
   */
  file: (o: ParamOptions & { types: readonly SniffedType[]; maxBytes?: number }) => {
    const { types, maxBytes, ...rest } = o;
    return Type.Unsafe<MkFile>({
      type: 'object',
      'x-mk': 'file',
      'x-file-types': [...types],
      ...(maxBytes ? { 'x-max-bytes': maxBytes } : {}),
      ...extra({ hint: types.map((t) => t.split('/')[1]?.toUpperCase()).join(' ou '), ...rest }),
    });
  },
  /** Free text; blank (whitespace-only) values are refused like absent ones. */
  text: (maxLength: number, o?: ParamOptions) => Type.String({ minLength: 1, maxLength, pattern: '\\S', ...extra(o) }),
  /** Accepts DD/MM/YYYY, YYYY-MM-DD or YYYY/MM/DD; the handler receives YYYY-MM-DD. */
  date: (o?: ParamOptions): TString =>
    Type.String({ pattern: ISO_DATE, 'x-mk': 'date', 'x-hint': 'use DD/MM/AAAA, AAAA-MM-DD ou AAAA/MM/DD, anos 1900 a 2199', ...extra(o) }),
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
      maxLength: 20_000,
      pattern: `^\\d{1,10}(${escapeSeparator(separator)}\\d{1,10})*${escapeSeparator(separator)}?$`,
      'x-hint': `códigos numéricos separados por "${separator}"`,
      ...extra(o),
    }),
};

const escapeSeparator = (separator: string) => (separator === '|' ? '\\|' : separator);

export function splitIdList(value: string, separator: ';' | ',' | '|'): number[] {
  return [...new Set(value.split(separator).filter((s) => s !== '').map(Number))];
}

export interface PropertyInfo {
  canonical: string;
  kind: string | undefined;
  /** Declared safe for logs (a `mkParam` helper without `sensitive`). */
  loggable: boolean;
  hint?: string | undefined;
  fileTypes?: readonly SniffedType[];
  maxBytes?: number;
}

/** Lower-cased name (and aliases) → the declared name, built once per endpoint. */
export function paramLookup(schema: TObject): Map<string, PropertyInfo> {
  const map = new Map<string, PropertyInfo>();
  for (const [name, prop] of Object.entries(schema.properties as Record<string, TSchema>)) {
    const info: PropertyInfo = {
      canonical: name,
      kind: prop['x-mk'] as string | undefined,
      loggable: prop['x-log'] === 'safe',
      hint: prop['x-hint'] as string | undefined,
      ...(prop['x-file-types'] ? { fileTypes: prop['x-file-types'] as SniffedType[] } : {}),
      ...(prop['x-max-bytes'] ? { maxBytes: prop['x-max-bytes'] as number } : {}),
    };
    map.set(name.toLowerCase(), info);
    for (const alias of (prop['x-aliases'] as string[] | undefined) ?? []) map.set(alias.toLowerCase(), info);
  }
  return map;
}

export interface NormalizedParams {
  params: Record<string, unknown>;
  /** The first refused value's error (005 naming the parameter), thrown after the token check. */
  invalid: MkError | null;
}

/**
 * Merges query string, body and uploaded files into one object keyed by declared names. MK
 * clients vary the casing (`Token=`), send empty values for "absent", mix date formats (§1.2)
 * and wrap values with spaces in single quotes (`'João da Silva'`, one pair is stripped).
 * Values no parameter can take (NUL bytes, JSON objects/arrays, text where a file belongs) are
 * refused here, so they never reach validation's coercions or the database.
 */
export function normalizeParams(sources: unknown[], lookup: Map<string, PropertyInfo>, defaultMaxBytes: number): NormalizedParams {
  const params: Record<string, unknown> = {};
  let invalid: MkError | null = null;
  const refuse = (info: PropertyInfo, reason?: string) => {
    invalid ??= invalidParam(info.canonical, reason ?? info.hint);
  };
  for (const source of sources) {
    if (source === null || typeof source !== 'object') continue;
    for (const [rawName, rawValue] of Object.entries(source as Record<string, unknown>)) {
      const info = lookup.get(rawName.toLowerCase());
      if (!info) continue;
      if (rawValue === undefined || rawValue === '' || rawValue === null) continue;
      if (info.kind === 'file') {
        const reason = fileProblem(rawValue, info, defaultMaxBytes);
        if (reason) refuse(info, reason);
        else params[info.canonical] = rawValue;
        continue;
      }
      if (Array.isArray(rawValue)) {
        // Repeated parameter (`a=1&a=2`) or a JSON list: MK takes one value per name.
        refuse(info, 'informe um só valor');
        continue;
      }
      if (typeof rawValue === 'object') {
        refuse(info, 'valor simples esperado');
        continue;
      }
      if (typeof rawValue !== 'string') {
        params[info.canonical] = rawValue;
        continue;
      }
      if (rawValue.includes('\u0000')) {
        refuse(info);
        continue;
      }
      const value = stripQuotes(rawValue);
      if (value === '') continue;
      params[info.canonical] = convert(value, info.kind);
    }
  }
  return { params, invalid };
}

export const invalidParam = (name: string, hint?: string) =>
  new MkError('invalidParam', `Parâmetro inválido: ${name}${hint ? ` (${hint})` : ''}.`);

/** `'João da Silva'` → `João da Silva` (a general rule of MK's webservice manager). */
export function stripQuotes(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
}

function fileProblem(value: unknown, info: PropertyInfo, defaultMaxBytes: number): string | null {
  if (!(value instanceof MkFile)) return 'envie o arquivo como campo File de multipart/form-data';
  const maxBytes = info.maxBytes ?? defaultMaxBytes;
  if (value.size > maxBytes) return fileLimitText(maxBytes);
  if (value.size === 0) return 'arquivo vazio';
  if (info.fileTypes && !info.fileTypes.includes(value.contentType)) return `conteúdo não é ${info.hint}`;
  return null;
}

/** Dates outside this range are refused (005): the date arithmetic of every endpoint stays exact. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

function convert(value: string, kind: string | undefined): string {
  if (kind === 'date') {
    const iso = parseMkDate(value.trim());
    if (!iso) return INVALID;
    const year = Number(iso.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR ? iso : INVALID;
  }
  if (kind === 'document') {
    const normalized = normalizeDocument(value);
    return classifyDocument(normalized) ? normalized : INVALID;
  }
  return value;
}
