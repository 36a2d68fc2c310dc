// Timestamps straight from bytes, in the four formats a bar file may use. The format is fixed by the first data
// row; each parser accepts only its own format and returns NaN otherwise, and explainTimestampProblem turns a NaN
// into a sentence off the hot path. All results are epoch milliseconds UTC; a time without a zone is UTC.
import { daysFromCivil, daysInMonth, monthName, MS_PER_DAY } from '../utcCalendar';

export type TimestampFormat = 'iso-date' | 'iso-datetime' | 'epoch-seconds' | 'epoch-millis';

/**
 * Epoch numbers below this are seconds, from it on milliseconds: 1e11 s is the year 5138 and 1e11 ms is
 * 1973-03-03, so the two readings cannot be confused for data after early 1973 (millisecond files from before
 * then would be misread as seconds; such files are not expected).
 */
export const EPOCH_MILLIS_THRESHOLD = 1e11;
/** 9999-12-31T23:59:59.999Z: four-digit years only. */
export const MAX_TIMESTAMP_MS = 253402300799999;
/** Widest UTC offset accepted, in minutes (±18:00, as java.time allows). */
const MAX_OFFSET_MINUTES = 18 * 60;

const FORMAT_EXAMPLES: Record<TimestampFormat, string> = {
  'iso-date': 'dates like 2020-01-31',
  'iso-datetime': 'date-times like 2020-01-31T09:30:00Z',
  'epoch-seconds': 'epoch seconds like 1580463000',
  'epoch-millis': 'epoch milliseconds like 1580463000000',
};

export function describeTimestampFormat(format: TimestampFormat): string {
  return FORMAT_EXAMPLES[format];
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const a = bytes[i] - 0x30;
  const b = bytes[i + 1] - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Epoch day of the YYYY-MM-DD at [s, s+10), or NaN if malformed or not a real calendar date. */
function isoDayAt(bytes: Uint8Array, s: number): number {
  const y1 = twoDigits(bytes, s);
  const y2 = twoDigits(bytes, s + 2);
  const month = twoDigits(bytes, s + 5);
  const day = twoDigits(bytes, s + 8);
  if (y1 < 0 || y2 < 0 || month < 1 || day < 1 || bytes[s + 4] !== 0x2d || bytes[s + 7] !== 0x2d) return NaN;
  const year = y1 * 100 + y2;
  if (year < 1 || month > 12 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** YYYY-MM-DD occupying exactly [s, e), as epoch ms at midnight UTC; NaN otherwise. */
export function parseIsoDate(bytes: Uint8Array, s: number, e: number): number {
  if (e - s !== 10) return NaN;
  return isoDayAt(bytes, s) * MS_PER_DAY;
}

/**
 * YYYY-MM-DD(T|t| )HH:MM[:SS[(.|,)fraction]][Z|z|±HH[[:]MM]] occupying exactly [s, e); NaN otherwise.
 * Fractions finer than a millisecond are truncated.
 */
export function parseIsoDateTime(bytes: Uint8Array, s: number, e: number): number {
  if (e - s < 16) return NaN;
  const sep = bytes[s + 10];
  if (sep !== 0x54 && sep !== 0x20 && sep !== 0x74) return NaN;
  const epochDay = isoDayAt(bytes, s);
  const hour = twoDigits(bytes, s + 11);
  const minute = twoDigits(bytes, s + 14);
  if (epochDay !== epochDay || hour < 0 || hour > 23 || minute < 0 || minute > 59 || bytes[s + 13] !== 0x3a) return NaN;
  let p = s + 16;
  let second = 0;
  let millis = 0;
  if (p < e && bytes[p] === 0x3a) {
    if (p + 3 > e) return NaN;
    second = twoDigits(bytes, p + 1);
    if (second < 0 || second > 59) return NaN;
    p += 3;
    if (p < e && (bytes[p] === 0x2e || bytes[p] === 0x2c)) {
      p++;
      let digits = 0;
      let d = 0;
      while (p < e && (d = bytes[p] - 0x30) >= 0 && d <= 9) {
        if (digits < 3) millis = millis * 10 + d;
        digits++;
        p++;
      }
      if (digits === 0) return NaN;
      if (digits === 1) millis *= 100;
      else if (digits === 2) millis *= 10;
    }
  }
  let offsetMinutes = 0;
  if (p < e) {
    const z = bytes[p];
    if (z === 0x5a || z === 0x7a) {
      p++;
    } else if (z === 0x2b || z === 0x2d) {
      if (p + 3 > e) return NaN;
      const oh = twoDigits(bytes, p + 1);
      if (oh < 0) return NaN;
      let om = 0;
      let q = p + 3;
      if (q < e) {
        if (bytes[q] === 0x3a) q++;
        if (q + 2 > e) return NaN;
        om = twoDigits(bytes, q);
        if (om < 0 || om > 59) return NaN;
        q += 2;
      }
      offsetMinutes = oh * 60 + om;
      if (offsetMinutes > MAX_OFFSET_MINUTES) return NaN;
      if (z === 0x2d) offsetMinutes = -offsetMinutes;
      p = q;
    } else {
      return NaN;
    }
  }
  if (p !== e) return NaN;
  return epochDay * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** Whole digits in [s, e) as a number, or NaN (also when longer than 15 digits, beyond exact integers). */
function digitsValue(bytes: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 15) return NaN;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = bytes[i] - 0x30;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
}

/** Epoch seconds (optionally with a fraction, truncated to ms), below EPOCH_MILLIS_THRESHOLD; NaN otherwise. */
export function parseEpochSeconds(bytes: Uint8Array, s: number, e: number): number {
  let dot = s;
  while (dot < e && bytes[dot] !== 0x2e) dot++;
  const seconds = digitsValue(bytes, s, dot);
  if (seconds !== seconds || seconds >= EPOCH_MILLIS_THRESHOLD) return NaN;
  let millis = 0;
  if (dot < e) {
    const fracEnd = Math.min(e, dot + 4);
    let scale = 100;
    for (let i = dot + 1; i < e; i++) {
      const d = bytes[i] - 0x30;
      if (d < 0 || d > 9) return NaN;
      if (i < fracEnd) {
        millis += d * scale;
        scale /= 10;
      }
    }
    if (e === dot + 1) return NaN;
  }
  return seconds * 1000 + millis;
}

/** Whole epoch milliseconds from EPOCH_MILLIS_THRESHOLD to MAX_TIMESTAMP_MS; NaN otherwise. */
export function parseEpochMillis(bytes: Uint8Array, s: number, e: number): number {
  const v = digitsValue(bytes, s, e);
  return v >= EPOCH_MILLIS_THRESHOLD && v <= MAX_TIMESTAMP_MS ? v : NaN;
}

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME_SHAPE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const EPOCH_SHAPE = /^\d{1,15}(?:\.\d+)?$/;
const COMPACT_DATE_SHAPE = /^(\d{4})(\d{2})(\d{2})$/;

/** The format `text` is written in, judged by its shape alone (ranges are checked by the parsers). */
export function classifyTimestamp(text: string): TimestampFormat | null {
  if (ISO_DATE_SHAPE.test(text)) return 'iso-date';
  if (ISO_DATETIME_SHAPE.test(text)) return 'iso-datetime';
  if (EPOCH_SHAPE.test(text)) return Number(text) >= EPOCH_MILLIS_THRESHOLD ? 'epoch-millis' : 'epoch-seconds';
  return null;
}

/** Why YYYYMMDD is refused although it is all digits: read as epoch seconds it would silently land in 1970. */
export function looksLikeCompactDate(text: string): boolean {
  const m = COMPACT_DATE_SHAPE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function explainDateParts(year: number, month: number, day: number): string | null {
  if (year < 1) return `year ${String(year).padStart(4, '0')} is out of range (0001-9999)`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) return `${monthName(month)} ${year} has ${dim} days`;
  return null;
}

function explainRange(text: string, format: TimestampFormat): string {
  if (format === 'iso-date' || format === 'iso-datetime') {
    const m = (format === 'iso-date' ? ISO_DATE_SHAPE : ISO_DATETIME_SHAPE).exec(text);
    if (m) {
      const dateProblem = explainDateParts(Number(m[1]), Number(m[2]), Number(m[3]));
      if (dateProblem) return dateProblem;
      if (format === 'iso-datetime') {
        if (Number(m[4]) > 23) return `hour ${m[4]} is out of range (00-23)`;
        if (Number(m[5]) > 59) return `minute ${m[5]} is out of range (00-59)`;
        if (m[6] !== undefined && Number(m[6]) > 59) return `second ${m[6]} is out of range (00-59)`;
        if (m[8] !== undefined && Number(m[9]) * 60 + Number(m[10] ?? 0) > MAX_OFFSET_MINUTES) {
          return `the UTC offset ${m[8]}${m[9]}:${m[10] ?? '00'} is out of range (at most ±18:00)`;
        }
        if (m[10] !== undefined && Number(m[10]) > 59) return `the UTC offset's minutes ${m[10]} are out of range (00-59)`;
      }
    }
    return 'it is not a valid timestamp';
  }
  if (format === 'epoch-millis') {
    if (text.includes('.')) return 'epoch milliseconds must be whole numbers';
    return 'it is after the year 9999';
  }
  return 'it is not a valid timestamp';
}

/**
 * Why `text` (trimmed, unquoted) failed to parse as `expected`, the format set by the first data row on line
 * `formatLine`; `expected` is null while the first row is being classified.
 */
export function explainTimestampProblem(text: string, quoted: string, expected: TimestampFormat | null, formatLine: number): string {
  if (text === '') return `the timestamp is empty (${quoted})`;
  if (looksLikeCompactDate(text)) {
    return `${quoted} looks like a compact YYYYMMDD date, which is not supported (read as epoch seconds it would be in 1970): write it as YYYY-MM-DD`;
  }
  const shape = classifyTimestamp(text);
  if (expected === null || shape === null) {
    const want = expected === null ? 'YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], epoch seconds or epoch milliseconds' : describeTimestampFormat(expected);
    return `${quoted} is not a recognised timestamp (expected ${want})`;
  }
  if (shape !== expected) {
    return `${quoted} is written as ${describeTimestampFormat(shape)}, but line ${formatLine} set the format to ${describeTimestampFormat(expected)}: the timestamp format must not change within a file`;
  }
  return `${quoted} is not a valid timestamp: ${explainRange(text, expected)}`;
}
