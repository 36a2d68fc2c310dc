import { describe, expect, it } from 'vitest';
import { parseDecimalFast } from '../../../../src/core/data/index';
import { Rng } from '../../../../src/core/random/index';
import { encode } from './csvTestSupport';

function parse(text: string): number {
  const bytes = encode(text);
  return parseDecimalFast(bytes, 0, bytes.length);
}

function expectSameAsNumber(text: string): void {
  const got = parse(text);
  if (!Object.is(got, Number(text))) expect.fail(`"${text}": parsed ${got}, Number() gives ${Number(text)}`);
}

function randomDigits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.nextInt(10));
  return s;
}

describe('parseDecimalFast', () => {
  it('parses plain decimals exactly', () => {
    for (const text of ['0', '-0', '1', '+1', '1.5', '-1.5', '.5', '5.', '0.1', '0.3', '63.4375', '70.8438', '53077800', '1.7429', '123456789012345']) {
      expectSameAsNumber(text);
    }
    expect(Object.is(parse('-0'), -0)).toBe(true);
    expect(Object.is(parse('-0.000'), -0)).toBe(true);
  });

  it('handles the edges of the fast path: 2^53, 22 fraction digits, exponents', () => {
    for (const text of [
      '9007199254740991', '9007199254740992', '9007199254740993', '9007199254740995.5',
      '0.1234567890123456789012', '0.00000000000000000000001', '1.00000000000000000000000',
      '12345678901234567890', '0.30000000000000004', '1.7976931348623157e308', '5e-324', '2.2250738585072014e-308',
      '1e22', '1e23', '1.5e-22', '1e-23', '123e-2', '1E+3', '0e999', '1e-400', '4.35e+1', '-2.5E-3',
    ]) {
      expectSameAsNumber(text);
    }
  });

  it('refuses what is not a plain decimal literal (the caller explains why)', () => {
    for (const text of ['', '-', '+', '.', 'abc', '1.2.3', '1e', '1e+', ' 1', '1 ', '"1"', '0x10', 'NaN', 'Infinity', '1,5', '1_000', '--1', '1e999', '-1e999']) {
      expect(parse(text), text).toBeNaN();
    }
  });

  it('matches Number() bit for bit on 300 000 random decimal strings', () => {
    const rng = new Rng(2024);
    for (let k = 0; k < 300_000; k++) {
      let text: string;
      switch (k % 6) {
        case 0: // shortest round-trip text of a random double, as JS and Python write them
          text = String((rng.nextFloat() - 0.5) * 10 ** (rng.nextInt(40) - 20));
          break;
        case 1: // prices with a few decimals
          text = (rng.nextFloat() * 10 ** rng.nextInt(7)).toFixed(rng.nextInt(7));
          break;
        case 2: {
          // random digit strings of any length with the point anywhere
          const digits = randomDigits(rng, 1 + rng.nextInt(25));
          const point = rng.nextInt(digits.length + 1);
          text = `${rng.nextInt(2) === 0 ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
          if (text.endsWith('.') && rng.nextInt(2) === 0) text = text.slice(0, -1);
          if (text === '.' || text === '-.' || text === '-' || text === '') text = '0';
          break;
        }
        case 3: // exponent forms
          text = `${randomDigits(rng, 1 + rng.nextInt(18))}${rng.nextInt(2) ? '.' + randomDigits(rng, rng.nextInt(6)) : ''}e${rng.nextInt(2) ? '-' : '+'}${rng.nextInt(40)}`;
          break;
        case 4: // halfway-ish cases near 2^53 and long mantissas
          text = `${9007199254740000 + rng.nextInt(2000)}.${randomDigits(rng, rng.nextInt(4))}`;
          break;
        default: // integers such as volumes
          text = String(rng.nextInt(2 ** 32) * 2 ** rng.nextInt(22));
      }
      expectSameAsNumber(text);
    }
  });
});
