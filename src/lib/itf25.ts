/**
 * Interleaved 2 of 5 (ITF), the symbology FEBRABAN prescribes for the boleto barcode.
 * Digits are taken in pairs: the first digit of a pair is drawn in the 5 bars, the second
 * in the 5 spaces between them. Each digit has exactly 2 wide elements out of 5.
 */

const DIGIT_WIDTHS: readonly string[] = [
  'nnwwn', // 0
  'wnnnw', // 1
  'nwnnw', // 2
  'wwnnn', // 3
  'nnwnw', // 4
  'wnwnn', // 5
  'nwwnn', // 6
  'nnnww', // 7
  'wnnwn', // 8
  'nwnwn', // 9
];

export const ITF_START = 'nnnn';
export const ITF_STOP = 'wnn';

/**
 * Element widths ('n' narrow, 'w' wide) alternating bar, space, bar, … starting with a bar:
 * start `nnnn`, then 10 elements per digit pair, then stop `wnn` (ends on a bar).
 * Accepts any even-length digit string; a boleto barcode gives 4 + 22 × 10 + 3 = 227.
 */
export function itf25Pattern(digits: string): string {
  if (!/^\d*$/.test(digits) || digits.length === 0 || digits.length % 2 !== 0) {
    throw new RangeError('ITF needs a non-empty, even-length string of digits');
  }
  let pattern = ITF_START;
  for (let i = 0; i < digits.length; i += 2) {
    const bars = DIGIT_WIDTHS[digits.charCodeAt(i) - 48] ?? '';
    const spaces = DIGIT_WIDTHS[digits.charCodeAt(i + 1) - 48] ?? '';
    for (let j = 0; j < 5; j++) pattern += `${bars[j]}${spaces[j]}`;
  }
  return pattern + ITF_STOP;
}

export interface Itf25Bar {
  x: number;
  width: number;
}

/**
 * Turns a pattern into bar rectangles (spaces are just gaps) for a PDF renderer.
 * FEBRABAN: narrow ≥ 0.254 mm and wide = 2.25..3 × narrow; a 1:3 ratio reads best.
 */
export function itf25Bars(pattern: string, narrow: number, wide = narrow * 3): { bars: Itf25Bar[]; totalWidth: number } {
  if (!(narrow > 0) || !(wide > narrow)) throw new RangeError('need 0 < narrow < wide');
  const bars: Itf25Bar[] = [];
  let x = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch !== 'n' && ch !== 'w') throw new RangeError(`invalid pattern element "${ch}" at ${i}`);
    const width = ch === 'w' ? wide : narrow;
    if (i % 2 === 0) bars.push({ x, width });
    x += width;
  }
  return { bars, totalWidth: x };
}
