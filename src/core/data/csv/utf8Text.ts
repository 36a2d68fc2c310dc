// Minimal UTF-8 decoding and validation over byte ranges. Core code has no TextDecoder (it is a DOM/Node API),
// and only header names and error messages need text, so a small hand-written decoder is enough.

const REPLACEMENT = 0xfffd;

/** Length of the well-formed UTF-8 sequence at `i` (1-4), or 0 if it is malformed; -1 if it runs past `end`. */
function sequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  let need: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    need = 1;
    min = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    min = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    min = 0x10000;
  } else {
    return 0;
  }
  let cp = b0 & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return -1;
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (b & 0x3f);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not valid UTF-8.
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/**
 * Index of the first byte in [start, end) that is not valid UTF-8, or -1. A sequence cut off by `end` counts as
 * valid when `endMayCutSequence` (the rest of it may arrive in the next chunk).
 */
export function findInvalidUtf8(bytes: Uint8Array, start: number, end: number, endMayCutSequence: boolean): number {
  let i = start;
  while (i < end) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(bytes, i, end);
    if (len === -1) return endMayCutSequence ? -1 : i;
    if (len === 0) return i;
    i += len;
  }
  return -1;
}

/** Decodes [start, end) as UTF-8, replacing malformed sequences with U+FFFD (never throws). */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  const codes: number[] = [];
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      codes.push(b0);
      i++;
    } else {
      const len = sequenceLength(bytes, i, end);
      if (len <= 0) {
        codes.push(REPLACEMENT);
        i++;
      } else {
        let cp = b0 & (0x3f >> (len - 1));
        for (let k = 1; k < len; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
        if (cp > 0xffff) {
          cp -= 0x10000;
          codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
        } else {
          codes.push(cp);
        }
        i += len;
      }
    }
    // Flush in slices so String.fromCharCode never sees an argument list long enough to overflow the stack.
    if (codes.length >= 4096) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}

/** Encodes an ASCII-only string into `target` and returns its length, or -1 if it has other characters or does not fit. */
export function encodeAscii(text: string, target: Uint8Array): number {
  if (text.length > target.length) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return -1;
    target[i] = c;
  }
  return text.length;
}
