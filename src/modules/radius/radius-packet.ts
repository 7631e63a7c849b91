import { createHash, createHmac, randomInt } from 'node:crypto';

/** RFC 5176 codes. */
export const CODES = { disconnectRequest: 40, disconnectAck: 41, disconnectNak: 42, coaRequest: 43, coaAck: 44, coaNak: 45 } as const;

export const ATTR = { userName: 1, nasIpAddress: 4, framedIpAddress: 8, vendorSpecific: 26, acctSessionId: 44, messageAuthenticator: 80 } as const;
const MIKROTIK_VENDOR = 14988;
const MIKROTIK_RATE_LIMIT = 8;

export type Attribute = { type: number; value: Buffer };

export function stringAttr(type: number, value: string): Attribute {
  return { type, value: Buffer.from(value, 'utf8') };
}

export function ipv4Attr(type: number, ip: string): Attribute {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return { type, value: Buffer.from(parts) };
}

/** Mikrotik-Rate-Limit as a Vendor-Specific attribute (vendor 14988, type 8). */
export function mikrotikRateLimit(value: string): Attribute {
  const text = Buffer.from(value, 'utf8');
  const vsa = Buffer.alloc(6 + text.length);
  vsa.writeUInt32BE(MIKROTIK_VENDOR, 0);
  vsa.writeUInt8(MIKROTIK_RATE_LIMIT, 4);
  vsa.writeUInt8(2 + text.length, 5);
  text.copy(vsa, 6);
  return { type: ATTR.vendorSpecific, value: vsa };
}

function encodeAttributes(attrs: Attribute[]): Buffer {
  return Buffer.concat(
    attrs.map((a) => {
      if (a.value.length > 253) throw new Error(`attribute ${a.type} too long`);
      return Buffer.concat([Buffer.from([a.type, a.value.length + 2]), a.value]);
    }),
  );
}

/**
 * A Disconnect-Request or CoA-Request (RFC 5176 §3.5): Message-Authenticator is the HMAC-MD5 of
 * the packet with a zero authenticator, then the Request Authenticator is
 * MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret).
 */
export function encodeRequest(code: number, secret: string, attrs: Attribute[], id = randomInt(256)): { id: number; packet: Buffer } {
  const body = encodeAttributes([...attrs, { type: ATTR.messageAuthenticator, value: Buffer.alloc(16) }]);
  const packet = Buffer.alloc(20 + body.length);
  packet.writeUInt8(code, 0);
  packet.writeUInt8(id, 1);
  packet.writeUInt16BE(packet.length, 2);
  body.copy(packet, 20);
  const maOffset = packet.length - 16;
  createHmac('md5', secret).update(packet).digest().copy(packet, maOffset);
  createHash('md5').update(packet).update(secret).digest().copy(packet, 4);
  return { id, packet };
}

export interface DecodedPacket {
  code: number;
  id: number;
  authenticator: Buffer;
  attributes: Attribute[];
}

export function decodePacket(buf: Buffer): DecodedPacket {
  if (buf.length < 20) throw new Error('short RADIUS packet');
  const length = buf.readUInt16BE(2);
  if (length < 20 || length > buf.length) throw new Error('bad RADIUS length');
  const attributes: Attribute[] = [];
  for (let o = 20; o < length; ) {
    const len = buf.readUInt8(o + 1);
    if (len < 2 || o + len > length) throw new Error('bad RADIUS attribute');
    attributes.push({ type: buf.readUInt8(o), value: Buffer.from(buf.subarray(o + 2, o + len)) });
    o += len;
  }
  return { code: buf.readUInt8(0), id: buf.readUInt8(1), authenticator: Buffer.from(buf.subarray(4, 20)), attributes };
}

/** Checks a request's authenticator as a NAS does (used by tests and by the response check). */
export function verifyRequest(buf: Buffer, secret: string): boolean {
  const copy = Buffer.from(buf.subarray(0, buf.readUInt16BE(2)));
  const auth = Buffer.from(copy.subarray(4, 20));
  copy.fill(0, 4, 20);
  return createHash('md5').update(copy).update(secret).digest().equals(auth);
}

/** A response (ACK/NAK) is MD5(Code + Identifier + Length + Request Authenticator + Attributes + Secret). */
export function verifyResponse(buf: Buffer, requestAuthenticator: Buffer, secret: string): boolean {
  const copy = Buffer.from(buf.subarray(0, buf.readUInt16BE(2)));
  const auth = Buffer.from(copy.subarray(4, 20));
  requestAuthenticator.copy(copy, 4);
  return createHash('md5').update(copy).update(secret).digest().equals(auth);
}

/** An ACK/NAK answering `request` (what a NAS sends back; tests use it). */
export function encodeResponse(code: number, request: DecodedPacket, secret: string): Buffer {
  const packet = Buffer.alloc(20);
  packet.writeUInt8(code, 0);
  packet.writeUInt8(request.id, 1);
  packet.writeUInt16BE(20, 2);
  request.authenticator.copy(packet, 4);
  createHash('md5').update(packet).update(secret).digest().copy(packet, 4);
  return packet;
}
