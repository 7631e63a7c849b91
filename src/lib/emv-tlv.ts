/**
 * EMV QR Code (Merchant Presented Mode) building blocks used by the PIX BR Code:
 * ID(2 digits) + LENGTH(2 digits) + VALUE, and the CRC-16 that closes the payload.
 */

const encoder = new TextEncoder();

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no xor-out) as 4 uppercase hex. */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of encoder.encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** One TLV object; the value must be 0..99 characters. */
export function emvField(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new RangeError(`EMV id must be 2 digits, got "${id}"`);
  if (value.length > 99) throw new RangeError(`EMV field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Splits a TLV string into id → value (first occurrence wins); null if malformed. */
export function parseEmvTlv(text: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  let pos = 0;
  while (pos < text.length) {
    const header = text.slice(pos, pos + 4);
    if (!/^\d{4}$/.test(header)) return null;
    const id = header.slice(0, 2);
    const end = pos + 4 + Number(header.slice(2));
    if (end > text.length) return null;
    if (!fields.has(id)) fields.set(id, text.slice(pos + 4, end));
    pos = end;
  }
  return fields;
}
