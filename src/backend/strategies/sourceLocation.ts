// Maps an error thrown by compiled user code back to the user's source file and line (worker side). Each compiled
// strategy is imported from a data: URL that carries a tag; a stack frame in such a module is looked up in that
// module's inline source map, so the error names the line the user wrote, even in an imported helper file.
import { createHash } from 'node:crypto';
import { SourceMap } from 'node:module';
import type { SourceMapPayload } from './compileStrategy';

export interface SourceLocation {
  /** Relative to the strategies folder, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

const maps = new Map<string, SourceMap>();
const FRAME = /data:text\/javascript;holdout=([0-9a-f]+);base64,[A-Za-z0-9+/=]*:(\d+):(\d+)/;

/** The data: URL to import a compiled bundle from; registers its source map for locateError. */
export function moduleUrl(text: string, sourceMap: SourceMapPayload): string {
  const tag = createHash('sha256').update(text).digest('hex').slice(0, 20);
  if (!maps.has(tag)) maps.set(tag, new SourceMap(sourceMap as ConstructorParameters<typeof SourceMap>[0]));
  return `data:text/javascript;holdout=${tag};base64,${Buffer.from(text, 'utf8').toString('base64')}`;
}

/** The first stack frame of `err` that lies in user code, in the user's source; undefined if there is none. */
export function locateError(err: unknown): SourceLocation | undefined {
  let stack: unknown;
  try {
    stack = (err as { stack?: unknown } | null)?.stack;
  } catch {
    return undefined;
  }
  if (typeof stack !== 'string') return undefined;
  for (const frame of stack.split('\n')) {
    const m = FRAME.exec(frame);
    if (!m) continue;
    const map = maps.get(m[1]);
    if (!map) continue;
    const entry = map.findEntry(Number(m[2]) - 1, Number(m[3]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (entry.originalSource === undefined || entry.originalLine === undefined) continue;
    if (entry.originalSource.startsWith('holdout:')) continue;
    return { file: entry.originalSource, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
  }
  return undefined;
}

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function thrownMessage(err: unknown): string {
  try {
    if (err instanceof Error) {
      const name = typeof err.name === 'string' && err.name !== 'Error' ? `${err.name}: ` : '';
      return `${name}${err.message || '(no message)'}`;
    }
    return typeof err === 'string' ? err : `non-Error value thrown: ${String(err)}`;
  } catch {
    return 'an unprintable value was thrown';
  }
}
