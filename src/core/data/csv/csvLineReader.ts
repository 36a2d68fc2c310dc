// Turns a byte stream pushed in chunks of any size into whole lines: checks the first bytes for binary content,
// drops a UTF-8 BOM, strips CR before LF, holds a line cut by a chunk boundary until its end arrives, and
// refuses lines longer than MAX_LINE_BYTES. Lines are passed as byte ranges, so nothing is copied per line.
import { sniffBinary } from './binarySniff';
import { CsvFormatError, quoteValue } from './csvFormatError';
import { decodeUtf8 } from './utf8Text';

/** Longest line accepted, in bytes: anything longer is not a bar row (and would otherwise be buffered whole). */
export const MAX_LINE_BYTES = 1 << 20;
/** Bytes examined for binary content before any line is passed on (fewer if the file is shorter). */
export const SNIFF_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/** Receives each line as bytes[start, end) without its line ending; lineNo is 1-based and counts every line. */
export type LineHandler = (bytes: Uint8Array, start: number, end: number, lineNo: number) => void;

export class CsvLineReader {
  private sniffed = false;
  private pending = new Uint8Array(0);
  private pendingLength = 0;
  /** The start of a line whose end has not arrived yet. */
  private carry = new Uint8Array(0);
  private carryLength = 0;
  private lineNo = 0;
  private totalBytes = 0;

  constructor(
    private readonly file: string,
    private readonly onLine: LineHandler,
  ) {}

  /** Bytes pushed so far. */
  get bytes(): number {
    return this.totalBytes;
  }

  push(bytes: Uint8Array): void {
    this.totalBytes += bytes.length;
    if (this.sniffed) {
      this.consume(bytes);
    } else if (this.pendingLength === 0 && bytes.length >= SNIFF_BYTES) {
      this.start(bytes, false);
    } else {
      this.appendPending(bytes);
      if (this.pendingLength >= SNIFF_BYTES) this.start(this.takePending(), false);
    }
  }

  /** Passes on the last line if the file does not end with a newline. */
  finish(): void {
    if (!this.sniffed) this.start(this.takePending(), true);
    if (this.carryLength > 0) {
      const length = this.carryLength;
      this.carryLength = 0;
      this.emit(this.carry, 0, length);
    }
  }

  private appendPending(bytes: Uint8Array): void {
    const needed = this.pendingLength + bytes.length;
    if (needed > this.pending.length) {
      const grown = new Uint8Array(Math.max(needed, Math.min(2 * this.pending.length + 1024, SNIFF_BYTES)));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(bytes, this.pendingLength);
    this.pendingLength = needed;
  }

  private takePending(): Uint8Array {
    const bytes = this.pending.subarray(0, this.pendingLength);
    this.pending = new Uint8Array(0);
    this.pendingLength = 0;
    return bytes;
  }

  /** Checks the file's first bytes for binary content, drops a UTF-8 BOM, then splits them. */
  private start(bytes: Uint8Array, wholeFile: boolean): void {
    this.sniffed = true;
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    // The same window (the file's first SNIFF_BYTES) whatever the push sizes, so errors do not depend on them.
    const sniffEnd = Math.min(bytes.length, SNIFF_BYTES);
    const problem = sniffBinary(bytes, bom, sniffEnd, wholeFile && sniffEnd === bytes.length);
    if (problem !== null) this.failAtOffset(bytes, bom, problem.offset, problem.reason);
    this.consume(bom === 0 ? bytes : bytes.subarray(bom));
  }

  private failAtOffset(bytes: Uint8Array, start: number, offset: number, reason: string): never {
    let line = 1;
    let lineStart = start;
    for (let i = start; i < offset; i++) {
      if (bytes[i] === LF) {
        line++;
        lineStart = i + 1;
      }
    }
    const lineEnd = Math.min(bytes.length, lineStart + 4 * 60);
    throw new CsvFormatError({ file: this.file, line, value: decodeUtf8(bytes, lineStart, lineEnd), reason });
  }

  private consume(bytes: Uint8Array): void {
    const n = bytes.length;
    let pos = 0;
    if (this.carryLength > 0) {
      const nl = bytes.indexOf(LF);
      this.appendCarry(bytes, 0, nl < 0 ? n : nl);
      if (nl < 0) return;
      const length = this.carryLength;
      this.carryLength = 0;
      this.emit(this.carry, 0, length);
      pos = nl + 1;
    }
    while (pos < n) {
      const nl = bytes.indexOf(LF, pos);
      if (nl < 0) break;
      if (nl - pos > MAX_LINE_BYTES) this.failLineTooLong(bytes, pos);
      this.emit(bytes, pos, nl);
      pos = nl + 1;
    }
    if (pos < n) this.appendCarry(bytes, pos, n);
  }

  private emit(bytes: Uint8Array, start: number, end: number): void {
    this.lineNo++;
    this.onLine(bytes, start, end > start && bytes[end - 1] === CR ? end - 1 : end, this.lineNo);
  }

  private appendCarry(bytes: Uint8Array, start: number, end: number): void {
    const needed = this.carryLength + (end - start);
    if (needed > MAX_LINE_BYTES) {
      if (this.carryLength > 0) this.failLineTooLong(this.carry, 0);
      this.failLineTooLong(bytes, start);
    }
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.carry.length, 256));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(start, end), this.carryLength);
    this.carryLength = needed;
  }

  /** The line not yet passed on (lineNo + 1), starting at `start`, is too long. */
  private failLineTooLong(bytes: Uint8Array, start: number): never {
    const value = decodeUtf8(bytes, start, Math.min(bytes.length, start + 240));
    throw new CsvFormatError({
      file: this.file,
      line: this.lineNo + 1,
      value,
      reason: `the line is longer than ${MAX_LINE_BYTES / (1 << 20)} MiB (it starts ${quoteValue(value)}): this is not a file of bar rows`,
    });
  }
}
