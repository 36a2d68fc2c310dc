// Decimal numbers straight from bytes. Most take Clinger's fast path: an integer mantissa below 2^53 divided or
// multiplied by an exact power of ten (<= 1e22) is one correctly rounded IEEE operation, hence bit-identical to
// Number(text). Long mantissas and large exponents go through Number() itself; anything that is not a plain
// decimal literal (spaces, quotes, words) is left to the text-level slow path, which also explains refusals.

/** 10^0 … 10^22: every one of these is exactly representable as a double, which the fast path relies on. */
// Written as literals: decimal literals are correctly rounded by the spec, Math.pow is not guaranteed to be.
const EXACT_POWERS_OF_TEN = Float64Array.of(
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
);
const TWO_POW_53 = 9007199254740992;

// Reused by the long-mantissa path so it allocates only the string Number() needs.
const charCodes: number[] = [];

/** Number() of the ASCII bytes [start, end), which the caller has checked form a decimal literal. */
function numberOfAsciiBytes(bytes: Uint8Array, start: number, end: number): number {
  charCodes.length = end - start;
  for (let i = start; i < end; i++) charCodes[i - start] = bytes[i];
  const value = Number(String.fromCharCode.apply(null, charCodes));
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Where the last scanDecimal call stopped: the first byte after the number. A module variable rather than a
 * returned pair so the per-field hot path allocates nothing.
 */
export let decimalStop = 0;

/**
 * Reads the decimal literal (`[+-]digits[.digits][(e|E)[+-]digits]`) starting at `start`, stopping at the first
 * byte that cannot continue it or at `limit`; the value equals Number() of that text bit for bit. Returns NaN if
 * no digits were found or the value overflows. decimalStop tells the caller where it stopped, so a field can be
 * parsed without first being delimited.
 */
export function scanDecimal(bytes: Uint8Array, start: number, limit: number): number {
  let i = start;
  let negative = false;
  if (i < limit) {
    const s = bytes[i];
    if (s === 0x2d) {
      negative = true;
      i++;
    } else if (s === 0x2b) {
      i++;
    }
  }
  let mantissa = 0;
  let digits = 0;
  let d = 0;
  while (i < limit && (d = bytes[i] - 0x30) >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  let scale = 0;
  if (i < limit && bytes[i] === 0x2e) {
    i++;
    while (i < limit && (d = bytes[i] - 0x30) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      scale--;
      i++;
    }
  }
  if (digits === 0) {
    decimalStop = i;
    return NaN;
  }
  if (i < limit && (bytes[i] | 0x20) === 0x65) {
    // An "e" without exponent digits is not part of the number: stop before it.
    let j = i + 1;
    let exponentNegative = false;
    if (j < limit && (bytes[j] === 0x2d || bytes[j] === 0x2b)) {
      exponentNegative = bytes[j] === 0x2d;
      j++;
    }
    let exponent = 0;
    const exponentStart = j;
    while (j < limit && (d = bytes[j] - 0x30) >= 0 && d <= 9) {
      if (exponent < 100000) exponent = exponent * 10 + d;
      j++;
    }
    if (j > exponentStart) {
      i = j;
      scale += exponentNegative ? -exponent : exponent;
    }
  }
  decimalStop = i;
  // Once the running mantissa reaches 2^53 it stays >= 2^53 (rounding is monotonic), so this test is exact.
  if (mantissa >= TWO_POW_53 || scale < -22 || scale > 22) return numberOfAsciiBytes(bytes, start, i);
  const value = scale < 0 ? mantissa / EXACT_POWERS_OF_TEN[-scale] : mantissa * EXACT_POWERS_OF_TEN[scale];
  return negative ? -value : value;
}

/**
 * The value of the decimal literal occupying exactly [start, end), equal to Number() of its text bit for bit;
 * NaN when the bytes have any other shape (spaces, quotes, letters) or the value overflows, and the caller then
 * uses numberFromText and explainNumberProblem.
 */
export function parseDecimalFast(bytes: Uint8Array, start: number, end: number): number {
  const value = scanDecimal(bytes, start, end);
  return decimalStop === end ? value : NaN;
}

const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE_TEXT = /^[+-]?(?:nan|inf|infinity)$/i;
const DECIMAL_COMMA_TEXT = /^[+-]?\d+,\d+$/;

/** Why a field is not a usable number; `quoted` is the raw field as it should appear in the message. */
export function explainNumberProblem(text: string, quoted: string): string {
  const t = text.trim();
  if (t === '') return `the value is empty (${quoted})`;
  if (DECIMAL_TEXT.test(t)) return `${quoted} is out of the range of a double`;
  if (NON_FINITE_TEXT.test(t)) return `${quoted} is not a finite number (NaN and Infinity are not allowed)`;
  if (DECIMAL_COMMA_TEXT.test(t)) return `${quoted} is not a number (use a point, not a comma, as the decimal separator)`;
  return `${quoted} is not a number`;
}

/**
 * The slow path: `text` is the field without quotes. Accepts exactly what a decimal literal looks like, so
 * Number()'s extras (hex, "", "Infinity") are refused; the value equals Number(text) bit for bit. NaN means
 * refused (explainNumberProblem says why).
 */
export function numberFromText(text: string): number {
  const t = text.trim();
  if (!DECIMAL_TEXT.test(t)) return NaN;
  const value = Number(t);
  return Number.isFinite(value) ? value : NaN;
}
