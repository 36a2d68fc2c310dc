// Compiles one user strategy file with esbuild (worker side): bundles the file and the relative files it imports
// into one ESM module with an inline source map (sources content included), resolving 'holdout' to the core's
// public API. A compile error becomes an INVALID_DATA HoldoutError naming file:line:column.
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import type { BuildFailure, Message } from 'esbuild';
import { HoldoutError } from '../../shared';
import { holdoutPlugin } from './holdoutModule';

export interface CompiledStrategy {
  /** The bundle: ESM JavaScript ending with the inline source map comment. */
  readonly text: string;
  /** SHA-256 (hex) of the compiled JavaScript without its source map comment: the strategy's code identity. */
  readonly codeHash: string;
  /** The source map (version 3), sources relative to the strategies folder. */
  readonly sourceMap: SourceMapPayload;
  /** Absolute paths of every file that went into the bundle (the entry and what it imports). */
  readonly inputs: readonly string[];
}

export interface SourceMapPayload {
  version: number;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
  file?: string;
  sourceRoot?: string;
}

const SOURCE_MAP_COMMENT = /\n?\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

type Esbuild = typeof import('esbuild');
let esbuildModule: Promise<Esbuild> | undefined;

/** esbuild's JS API, loaded on first use so workers that never compile do not start its service. */
function loadEsbuild(): Promise<Esbuild> {
  esbuildModule ??= import('esbuild');
  return esbuildModule;
}

/** Stops esbuild's service process, if it was started. */
export async function stopCompiler(): Promise<void> {
  if (!esbuildModule) return;
  const esbuild = await esbuildModule;
  esbuildModule = undefined;
  await esbuild.stop();
}

/** `folder`-relative name with forward slashes, as shown to the user. */
export function displayName(folder: string, path: string): string {
  const rel = relative(folder, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** @throws HoldoutError INVALID_DATA with { file, line, column } for a compile error. */
export async function compileStrategyFile(path: string, folder: string): Promise<CompiledStrategy> {
  const esbuild = await loadEsbuild();
  const file = displayName(folder, path);
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [path],
      absWorkingDir: folder,
      // Never written: it only makes source map paths relative to the folder.
      outfile: join(folder, '__holdout_compiled__.js'),
      write: false,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      sourcemap: 'inline',
      sourcesContent: true,
      metafile: true,
      logLevel: 'silent',
      // Ignore any tsconfig.json above the data folder: the same files always compile to the same code.
      tsconfigRaw: {},
      plugins: [holdoutPlugin()],
    });
  } catch (err) {
    throw compileError(err, file);
  }
  const out = result.outputFiles?.[0];
  if (!out) throw new HoldoutError('INVALID_DATA', `${file}: esbuild produced no output.`, { file });
  const text = out.text;
  const match = SOURCE_MAP_COMMENT.exec(text);
  if (!match) throw new HoldoutError('INTERNAL', `${file}: the compiled strategy has no inline source map.`, { file });
  const code = text.slice(0, match.index);
  const sourceMap = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as SourceMapPayload;
  const inputs = Object.keys(result.metafile?.inputs ?? {})
    .filter((key) => !key.startsWith('holdout:'))
    .map((key) => resolve(folder, key));
  return { text, codeHash: createHash('sha256').update(code).digest('hex'), sourceMap, inputs };
}

function isBuildFailure(err: unknown): err is BuildFailure {
  return err instanceof Error && Array.isArray((err as Partial<BuildFailure>).errors);
}

function compileError(err: unknown, entryFile: string): HoldoutError {
  if (!isBuildFailure(err) || err.errors.length === 0) {
    return new HoldoutError('INVALID_DATA', `${entryFile}: could not compile: ${err instanceof Error ? err.message : String(err)}`, { file: entryFile });
  }
  const first: Message = err.errors[0];
  const text = first.text.split('"holdout:holdout"').join("'holdout'");
  const more = err.errors.length > 1 ? ` (and ${err.errors.length - 1} more error${err.errors.length > 2 ? 's' : ''})` : '';
  const hint = /Could not resolve "[^./]/.test(text) ? "; only 'holdout' and relative files can be imported" : '';
  const loc = first.location;
  if (!loc) return new HoldoutError('INVALID_DATA', `${entryFile}: ${text}${hint}${more}`, { file: entryFile });
  // esbuild reports lines 1-based and columns 0-based.
  const file = loc.file.startsWith('holdout:') ? entryFile : loc.file.split('\\').join('/');
  const column = loc.column + 1;
  const via = file !== entryFile ? ` (imported by ${entryFile})` : '';
  return new HoldoutError('INVALID_DATA', `${file}:${loc.line}:${column}: ${text}${hint}${more}${via}`, {
    file,
    line: loc.line,
    column: String(column),
  });
}
