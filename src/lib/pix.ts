/**
 * PIX BR Code (static "copia e cola" / QR payload), per the Banco Central "Manual de
 * Padrões para Iniciação do Pix" and the EMV MPM TLV format.
 */

import { crc16Ccitt, emvField, parseEmvTlv } from './emv-tlv.ts';

export { crc16Ccitt, emvField, parseEmvTlv } from './emv-tlv.ts';

export const PIX_GUI = 'br.gov.bcb.pix';
const CRC_TAG = '6304';
const MAX_NAME = 25;
const MAX_CITY = 15;
const MAX_KEY = 77;
const MAX_AMOUNT_CENTS = 999_999_999_999; // "9999999999.99": 13 characters, field 54's limit
const TXID = /^[A-Za-z0-9]{1,25}$/;
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

export interface PixPayloadParams {
  /** DICT key as registered: CPF/CNPJ digits, +55… phone, e-mail or EVP (UUID). */
  key: string;
  merchantName: string;
  merchantCity: string;
  /** Omit to let the payer type the amount. */
  amountCents?: number;
  /** `[A-Za-z0-9]{1,25}`; omitted → `***`. */
  txid?: string;
  description?: string;
}

export interface ParsedPixPayload {
  /** Top-level objects, id → raw value (CRC included under `63`). */
  fields: Map<string, string>;
  /** Sub-objects of the `br.gov.bcb.pix` merchant account template. */
  merchantAccount: Map<string, string>;
  /** Sub-objects of template 62 (empty when absent). */
  additionalData: Map<string, string>;
  key: string | null;
  url: string | null;
  description: string | null;
  merchantName: string;
  merchantCity: string;
  amountCents: number | null;
  /** null when absent or the `***` marker. */
  txid: string | null;
}

/** Folds accents away and keeps printable ASCII, collapsing whitespace. */
export function toPixText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function limited(text: string, max: number, what: string): string {
  const value = toPixText(text).slice(0, max).trim();
  if (value === '') throw new RangeError(`PIX ${what} is empty after removing accents and symbols`);
  return value;
}

/** 12345 → `123.45`. */
export function formatPixAmount(amountCents: number): string {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > MAX_AMOUNT_CENTS) {
    throw new RangeError(`PIX amountCents must be an integer 1..${MAX_AMOUNT_CENTS}, got ${amountCents}`);
  }
  return `${Math.floor(amountCents / 100)}.${String(amountCents % 100).padStart(2, '0')}`;
}

/** Builds a static BR Code payload; throws RangeError on values the manual forbids. */
export function buildPixPayload(p: PixPayloadParams): string {
  const key = p.key.trim();
  if (key === '' || key.length > MAX_KEY || !/^[\x21-\x7E]+$/.test(key)) {
    throw new RangeError(`PIX key must be 1..${MAX_KEY} printable ASCII characters`);
  }
  if (p.txid !== undefined && !TXID.test(p.txid)) {
    throw new RangeError(`PIX txid must match [A-Za-z0-9]{1,25}, got "${p.txid}"`);
  }
  let account = emvField('00', PIX_GUI) + emvField('01', key);
  if (p.description !== undefined) {
    // Template 26 holds at most 99 characters; the description gets what is left.
    const room = 99 - account.length - 4;
    const description = toPixText(p.description).slice(0, Math.max(0, room)).trim();
    if (description !== '') account += emvField('02', description);
  }
  const body =
    emvField('00', '01') +
    emvField('26', account) +
    emvField('52', '0000') +
    emvField('53', '986') +
    (p.amountCents === undefined ? '' : emvField('54', formatPixAmount(p.amountCents))) +
    emvField('58', 'BR') +
    emvField('59', limited(p.merchantName, MAX_NAME, 'merchant name')) +
    emvField('60', limited(p.merchantCity, MAX_CITY, 'merchant city')) +
    emvField('62', emvField('05', p.txid ?? '***')) +
    CRC_TAG;
  return body + crc16Ccitt(body);
}

/** True when the payload ends with `6304` + the CRC of everything before the CRC value. */
export function verifyPixCrc(payload: string): boolean {
  const text = payload.trim();
  if (text.length < 8 || text.slice(-8, -4) !== CRC_TAG) return false;
  return crc16Ccitt(text.slice(0, -4)) === text.slice(-4).toUpperCase();
}

function findPixAccount(fields: Map<string, string>): Map<string, string> | null {
  for (let id = 26; id <= 51; id++) {
    const raw = fields.get(String(id));
    if (raw === undefined) continue;
    const sub = parseEmvTlv(raw);
    if (sub?.get('00')?.toLowerCase() === PIX_GUI) return sub;
  }
  return null;
}

function amountToCents(text: string): number | null {
  const m = AMOUNT.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * Parses and checks a BR Code: well-formed TLV, CRC right and last, payload format 01,
 * currency 986, country BR, name, city and a `br.gov.bcb.pix` template with a key (26-01)
 * or a dynamic location (26-25). Returns null otherwise.
 */
export function parsePixPayload(payload: string): ParsedPixPayload | null {
  const text = payload.trim();
  if (!verifyPixCrc(text)) return null;
  const fields = parseEmvTlv(text);
  if (fields?.get('63')?.length !== 4) return null;
  if (fields.get('00') !== '01' || fields.get('53') !== '986' || fields.get('58')?.toUpperCase() !== 'BR') return null;
  const merchantName = fields.get('59');
  const merchantCity = fields.get('60');
  if (!merchantName || !merchantCity || fields.get('52') === undefined) return null;
  const merchantAccount = findPixAccount(fields);
  const key = merchantAccount?.get('01') ?? null;
  const url = merchantAccount?.get('25') ?? null;
  if (!merchantAccount || (key === null) === (url === null)) return null;
  const rawAmount = fields.get('54');
  const amountCents = rawAmount === undefined ? null : amountToCents(rawAmount);
  if (rawAmount !== undefined && amountCents === null) return null;
  const rawAdditional = fields.get('62');
  const additionalData = rawAdditional === undefined ? new Map<string, string>() : parseEmvTlv(rawAdditional);
  if (!additionalData) return null;
  const txid = additionalData.get('05');
  return {
    fields,
    merchantAccount,
    additionalData,
    key,
    url,
    description: merchantAccount.get('02') ?? null,
    merchantName,
    merchantCity,
    amountCents,
    txid: txid === undefined || txid === '***' ? null : txid,
  };
}
