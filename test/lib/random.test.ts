import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidCNPJ, isValidCPF } from '@brazilian-utils/brazilian-utils';
import { createRandom, randomCnpj, randomCpf } from '../../src/lib/random.ts';

// The published mulberry32 (Tommy Ettinger; JS version by bryc), used as an oracle.
function referenceMulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createRandom', () => {
  test('next() follows the reference mulberry32 sequence', () => {
    for (const seed of [0, 1, 42, 123456789, 0xffffffff]) {
      const ours = createRandom(seed);
      const reference = referenceMulberry32(seed);
      for (let i = 0; i < 1000; i++) assert.equal(ours.next(), reference(), `seed ${seed} step ${i}`);
    }
  });

  test('golden values keep demo data stable across refactors', () => {
    const r = createRandom(42);
    assert.deepEqual([r.int(1, 100), r.int(1, 100), r.int(1, 100)], [61, 45, 86]);
    assert.equal(createRandom(7).digits(12), createRandom(7).digits(12));
    assert.notEqual(createRandom(7).digits(12), createRandom(8).digits(12));
  });

  test('int is inclusive at both ends and stays in range', () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(-2, 2);
      assert.ok(n >= -2 && n <= 2 && Number.isInteger(n));
      seen.add(n);
    }
    assert.deepEqual([...seen].sort((a, b) => a - b), [-2, -1, 0, 1, 2]);
    assert.equal(r.int(5, 5), 5);
    assert.throws(() => r.int(3, 2), RangeError);
    assert.throws(() => r.int(0, 1.5), RangeError);
  });

  test('pick, chance, digits, chars, shuffle', () => {
    const r = createRandom(9);
    const plans = ['50M', '100M', '300M'] as const;
    for (let i = 0; i < 100; i++) assert.ok(plans.includes(r.pick(plans)));
    assert.throws(() => r.pick([]), RangeError);
    for (let i = 0; i < 100; i++) {
      assert.equal(r.chance(0), false);
      assert.equal(r.chance(1), true);
    }
    const d = r.digits(30);
    assert.match(d, /^\d{30}$/);
    assert.equal(r.digits(0), '');
    assert.match(r.chars(10, 'AB'), /^[AB]{10}$/);
    assert.throws(() => r.chars(1, ''), RangeError);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = r.shuffle(items);
    assert.deepEqual([...shuffled].sort((a, b) => a - b), items);
    assert.deepEqual(items, [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('chance(0.3) hits roughly 30 % of the time', () => {
    const r = createRandom(11);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (r.chance(0.3)) hits++;
    assert.ok(hits > 2800 && hits < 3200, String(hits));
  });
});

describe('document generators', () => {
  test('randomCpf yields valid, deterministic CPFs', () => {
    const r = createRandom(100);
    for (let i = 0; i < 200; i++) {
      const cpf = randomCpf(r);
      assert.match(cpf, /^\d{11}$/);
      assert.equal(isValidCPF(cpf), true, cpf);
    }
    assert.equal(randomCpf(createRandom(1)), randomCpf(createRandom(1)));
  });

  test('randomCnpj yields valid head-office CNPJs, numeric or alphanumeric', () => {
    const r = createRandom(200);
    for (let i = 0; i < 200; i++) {
      const numeric = randomCnpj(r);
      assert.match(numeric, /^\d{8}0001\d{2}$/);
      assert.equal(isValidCNPJ(numeric), true, numeric);
      const alnum = randomCnpj(r, { alphanumeric: true });
      assert.match(alnum, /^[0-9A-Z]{8}0001\d{2}$/);
      assert.equal(isValidCNPJ(alnum, { version: 2 }), true, alnum);
    }
  });
});
