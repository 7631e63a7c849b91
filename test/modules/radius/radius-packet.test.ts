import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ATTR, CODES, decodePacket, encodeRequest, encodeResponse, ipv4Attr, mikrotikRateLimit, stringAttr, verifyRequest, verifyResponse } from '../../../src/modules/radius/radius-packet.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('RFC 5176 packets', () => {
  test('Disconnect-Request: Message-Authenticator over the zero-authenticator packet, then the Request Authenticator', () => {
    const { id, packet } = encodeRequest(CODES.disconnectRequest, 's3cret', [stringAttr(ATTR.userName, 'maria'), ipv4Attr(ATTR.framedIpAddress, '10.0.0.7')], 9);
    assert.equal(id, 9);
    assert.equal(packet.readUInt8(0), 40);
    assert.equal(packet.readUInt16BE(2), packet.length);
    const zeroed = Buffer.from(packet);
    zeroed.fill(0, 4, 20);
    assert.deepEqual(createHash('md5').update(zeroed).update('s3cret').digest(), packet.subarray(4, 20));
    const ma = Buffer.from(packet.subarray(packet.length - 16));
    zeroed.fill(0, packet.length - 16);
    assert.deepEqual(createHmac('md5', 's3cret').update(zeroed).digest(), ma);
    assert.ok(verifyRequest(packet, 's3cret'));
    assert.ok(!verifyRequest(packet, 'other'));
    const decoded = decodePacket(packet);
    assert.deepEqual(decoded.attributes.map((a) => a.type), [ATTR.userName, ATTR.framedIpAddress, ATTR.messageAuthenticator]);
    assert.deepEqual([...(decoded.attributes[1]?.value ?? [])], [10, 0, 0, 7]);
  });

  test('ACK answers verify against the request authenticator only with the right secret', () => {
    const { packet } = encodeRequest(CODES.coaRequest, 'k', [mikrotikRateLimit('10M/50M')]);
    const request = decodePacket(packet);
    const ack = encodeResponse(CODES.coaAck, request, 'k');
    assert.ok(verifyResponse(ack, request.authenticator, 'k'));
    assert.ok(!verifyResponse(ack, request.authenticator, 'x'));
    assert.equal(request.attributes[0]?.value.subarray(6).toString(), '10M/50M');
    assert.throws(() => ipv4Attr(ATTR.framedIpAddress, '300.1.1.1'));
    assert.throws(() => decodePacket(Buffer.alloc(5)));
  });
});

describe('provedor radius-config', () => {
  const cli = (env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'radius-config', '--listen', '127.0.0.1', '--auth-port', '11812'], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  test('refuses on the embedded database, pointing to PostgreSQL', async () => {
    const r = await cli({});
    assert.equal(r.code, 2);
    assert.match(r.stderr, /embedded database has no network socket/);
    assert.match(r.stderr, /DATABASE_URL=postgres/);
  });

  test('prints a FreeRADIUS config with the sql module on DATABASE_URL', async () => {
    const r = await cli({ DATABASE_URL: 'postgres://isp:p%22w@db.example:6543/provedor' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /dialect = "postgresql"/);
    assert.match(r.stdout, /server = "db\.example"\n\s+port = 6543\n\s+login = "isp"\n\s+password = "p\\"w"\n\s+radius_db = "provedor"/);
    assert.match(r.stdout, /client_table = "nas"/);
    assert.match(r.stdout, /ipaddr = 127\.0\.0\.1\n\s+port = 11812/);
  });
});
