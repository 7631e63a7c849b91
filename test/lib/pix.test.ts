import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generatePixPayload, getPixPayloadInfo, isValidPixPayload } from '@brazilian-utils/brazilian-utils';
import {
  buildPixPayload,
  crc16Ccitt,
  emvField,
  formatPixAmount,
  parseEmvTlv,
  parsePixPayload,
  toPixText,
  verifyPixCrc,
} from '../../src/lib/pix.ts';

// Example static BR Code of the Banco Central "Manual de Padrões para Iniciação do Pix".
const BCB_EXAMPLE =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000' +
  '5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';

// Dynamic BR Code (26-25 location instead of a key), from the @brazilian-utils docs.
const DYNAMIC_EXAMPLE =
  '00020101021226480014br.gov.bcb.pix2526pix.example.com/qr/v2/1234' +
  '5204000053039865802BR5913Fulano de Tal6008Brasilia62070503***6304FC66';

const ISP = {
  key: '+5511999998888',
  merchantName: 'João Açaí & Cia Provedor de Internet Ltda',
  merchantCity: 'São José dos Campos',
  amountCents: 9990,
  txid: 'FAT000123',
  description: 'Mensalidade setembro',
};

describe('crc16Ccitt', () => {
  test('CRC-16/CCITT-FALSE check value', () => {
    assert.equal(crc16Ccitt('123456789'), '29B1');
    assert.equal(crc16Ccitt(''), 'FFFF');
    assert.equal(crc16Ccitt('A'), 'B915');
  });
});

describe('EMV TLV', () => {
  test('emvField pads the length to 2 digits', () => {
    assert.equal(emvField('58', 'BR'), '5802BR');
    assert.equal(emvField('00', '01'), '000201');
    assert.throws(() => emvField('5', 'BR'), RangeError);
    assert.throws(() => emvField('02', 'x'.repeat(100)), RangeError);
  });

  test('parseEmvTlv', () => {
    assert.deepEqual(parseEmvTlv('000201' + '5802BR'), new Map([['00', '01'], ['58', 'BR']]));
    assert.deepEqual(parseEmvTlv(''), new Map());
    assert.equal(parseEmvTlv('0005ab'), null); // value shorter than its length
    assert.equal(parseEmvTlv('00x2ab'), null);
  });
});

describe('buildPixPayload', () => {
  test('reproduces the Banco Central example exactly', () => {
    const payload = buildPixPayload({
      key: '123e4567-e12b-12d1-a456-426655440000',
      merchantName: 'Fulano de Tal',
      merchantCity: 'BRASILIA',
    });
    assert.equal(payload, BCB_EXAMPLE);
  });

  test('ISP invoice payload: amount, txid, description, accents and truncation', () => {
    const payload = buildPixPayload(ISP);
    assert.equal(
      payload,
      '00020126600014br.gov.bcb.pix0114+55119999988880220Mensalidade setembro' +
        '520400005303986540599.905802BR5924Joao Acai & Cia Provedor6015Sao Jose dos Ca' +
        '62130509FAT0001236304FCF1',
    );
    assert.equal(isValidPixPayload(payload), true);
  });

  test('matches @brazilian-utils generatePixPayload byte for byte', () => {
    const { amountCents, ...rest } = ISP;
    assert.equal(buildPixPayload(ISP), generatePixPayload({ ...rest, amount: amountCents / 100 }));
    const minimal = { key: 'financeiro@provedor.com.br', merchantName: 'Provedor', merchantCity: 'Curitiba' };
    assert.equal(buildPixPayload(minimal), generatePixPayload(minimal));
  });

  test('amount field 54 uses a dot and two decimals', () => {
    assert.equal(formatPixAmount(9990), '99.90');
    assert.equal(formatPixAmount(5), '0.05');
    assert.equal(formatPixAmount(100000), '1000.00');
    assert.ok(buildPixPayload({ ...ISP, amountCents: 5 }).includes('54040.05'));
    assert.ok(!buildPixPayload({ ...ISP, amountCents: undefined }).includes('5303986' + '54'));
    assert.throws(() => formatPixAmount(0), RangeError);
    assert.throws(() => formatPixAmount(1.5), RangeError);
    assert.throws(() => formatPixAmount(1_000_000_000_000), RangeError);
  });

  test('name is accent-free and at most 25 characters, city at most 15', () => {
    assert.equal(toPixText('  Açaí   Ção\tÜber  '), 'Acai Cao Uber');
    const parsed = parsePixPayload(buildPixPayload({ ...ISP, merchantName: 'Provedor Ágil Telecomunicações Ltda' }));
    assert.equal(parsed?.merchantName, 'Provedor Agil Telecomunic');
    assert.equal(parsed?.merchantName.length, 25);
    assert.equal(parsed?.merchantCity, 'Sao Jose dos Ca');
  });

  test('description is cut so template 26 stays within 99 characters', () => {
    const payload = buildPixPayload({ ...ISP, description: 'x'.repeat(200) });
    const parsed = parsePixPayload(payload);
    assert.equal(parsed?.fields.get('26')?.length, 99);
    assert.equal(parsed?.description, 'x'.repeat(99 - 18 - 18 - 4));
    assert.equal(isValidPixPayload(payload), true);
  });

  test('rejects what the manual forbids', () => {
    assert.throws(() => buildPixPayload({ ...ISP, txid: 'FAT-1' }), RangeError);
    assert.throws(() => buildPixPayload({ ...ISP, txid: 'A'.repeat(26) }), RangeError);
    assert.throws(() => buildPixPayload({ ...ISP, txid: '' }), RangeError);
    assert.throws(() => buildPixPayload({ ...ISP, amountCents: 0 }), RangeError);
    assert.throws(() => buildPixPayload({ ...ISP, merchantName: '  ' }), RangeError);
    assert.throws(() => buildPixPayload({ ...ISP, merchantCity: '☺' }), RangeError);
    assert.throws(() => buildPixPayload({ ...ISP, key: '' }), RangeError);
    assert.throws(() => buildPixPayload({ ...ISP, key: 'k'.repeat(78) }), RangeError);
  });
});

describe('verifyPixCrc', () => {
  test('accepts the published examples and rejects tampering', () => {
    assert.equal(verifyPixCrc(BCB_EXAMPLE), true);
    assert.equal(verifyPixCrc(DYNAMIC_EXAMPLE), true);
    assert.equal(verifyPixCrc(BCB_EXAMPLE.replace('Fulano', 'Fulana')), false);
    assert.equal(verifyPixCrc(BCB_EXAMPLE.replace(/1D3D$/, '1d3d')), true);
    assert.equal(verifyPixCrc(BCB_EXAMPLE.replace(/1D3D$/, '1D3E')), false);
    assert.equal(verifyPixCrc('6304'), false);
  });
});

describe('parsePixPayload', () => {
  test('reads the Banco Central example', () => {
    const parsed = parsePixPayload(BCB_EXAMPLE);
    assert.ok(parsed);
    assert.equal(parsed.key, '123e4567-e12b-12d1-a456-426655440000');
    assert.equal(parsed.url, null);
    assert.equal(parsed.merchantName, 'Fulano de Tal');
    assert.equal(parsed.merchantCity, 'BRASILIA');
    assert.equal(parsed.amountCents, null);
    assert.equal(parsed.txid, null);
    assert.equal(parsed.fields.get('52'), '0000');
    assert.equal(parsed.fields.get('63'), '1D3D');
    assert.equal(parsed.merchantAccount.get('00'), 'br.gov.bcb.pix');
  });

  test('round trip of an ISP invoice, checked against @brazilian-utils', () => {
    const payload = buildPixPayload(ISP);
    const parsed = parsePixPayload(payload);
    assert.equal(parsed?.key, '+5511999998888');
    assert.equal(parsed?.amountCents, 9990);
    assert.equal(parsed?.txid, 'FAT000123');
    assert.equal(parsed?.description, 'Mensalidade setembro');
    assert.equal(parsed?.additionalData.get('05'), 'FAT000123');
    assert.deepEqual(getPixPayloadInfo(payload), {
      key: '+5511999998888',
      merchantName: 'Joao Acai & Cia Provedor',
      merchantCity: 'Sao Jose dos Ca',
      pointOfInitiation: 'static',
      description: 'Mensalidade setembro',
      amount: 99.9,
      txid: 'FAT000123',
    });
  });

  test('reads a dynamic payload location', () => {
    const parsed = parsePixPayload(DYNAMIC_EXAMPLE);
    assert.equal(parsed?.url, 'pix.example.com/qr/v2/1234');
    assert.equal(parsed?.key, null);
    assert.equal(parsed?.fields.get('01'), '12');
  });

  test('null for bad CRC, bad structure or a non-PIX template', () => {
    assert.equal(parsePixPayload(''), null);
    assert.equal(parsePixPayload('garbage'), null);
    assert.equal(parsePixPayload(BCB_EXAMPLE.replace('Fulano', 'Fulana')), null);
    const resign = (body: string) => body + crc16Ccitt(body);
    const body = BCB_EXAMPLE.slice(0, -4);
    assert.equal(parsePixPayload(resign(body.replace('br.gov.bcb.pix', 'br.gov.bcb.xyz'))), null);
    assert.equal(parsePixPayload(resign(body.replace('5303986', '5303840'))), null);
    assert.equal(parsePixPayload(resign(body.replace('5802BR', '5802US'))), null);
    assert.equal(parsePixPayload(resign(body.replace('5913', '5999'))), null);
    // re-signed copy with a different name is accepted and read
    assert.equal(parsePixPayload(resign(body.replace('Fulano', 'Fulana')))?.merchantName, 'Fulana de Tal');
  });
});
