// Loads user strategy files inside a worker thread: compile (esbuild), import the bundle from a data: URL, check it
// exports a sound strategy, and wrap its targets() so a run-time error names the user's file and line. Compiled
// strategies are cached by the stamps (size, mtime) of every file that went into the bundle, so editing the
// strategy or any helper it imports recompiles it, and nothing else does.
import { realpathSync, statSync } from 'node:fs';
import { BUILTIN_STRATEGIES, checkStrategyDefinition, type BarSeries, type ParamValues, type Strategy, type StrategyContext } from '../../core';
import { HoldoutError, StrategyInfo, type StrategyProblem } from '../../shared';
import { describeUserStrategy } from '../backtests/strategyCatalog';
import { compileStrategyFile, displayName } from './compileStrategy';
import { installHoldoutCore } from './holdoutModule';
import { locateError, moduleUrl, thrownMessage } from './sourceLocation';

export interface LoadedUserStrategy {
  /** Absolute path of the strategy file. */
  readonly path: string;
  /** The file relative to the strategies folder, as errors name it. */
  readonly file: string;
  /** SHA-256 of the compiled code (see compileStrategyFile). */
  readonly codeHash: string;
  /** The strategy with targets() wrapped so its errors carry file and line. */
  readonly strategy: Strategy;
  readonly info: StrategyInfo;
}

export type UserStrategyLoadOutcome = { ok: true; info: StrategyInfo } | { ok: false; problem: StrategyProblem };

interface CacheEntry {
  stamps: Map<string, string>;
  loaded: LoadedUserStrategy;
}

export class UserStrategyLoader {
  private readonly cache = new Map<string, CacheEntry>();
  private realFolder: string | undefined;

  constructor(readonly folder: string) {
    installHoldoutCore();
  }

  /** esbuild reports real paths; resolving symlinks here (a /tmp that is a link, say) keeps names relative. */
  private real(path: string): string {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  }

  /** @throws HoldoutError INVALID_DATA naming the file (and line, when there is one) if it cannot be used. */
  async load(path: string): Promise<LoadedUserStrategy> {
    const cached = this.cache.get(path);
    if (cached && isFresh(cached.stamps)) return cached.loaded;
    this.cache.delete(path);
    const file = displayName(this.folder, path);
    const entryBefore = stamp(path);
    if (entryBefore === undefined) throw new HoldoutError('NOT_FOUND', `${file}: the strategy file no longer exists.`, { file });
    this.realFolder ??= this.real(this.folder);
    const realPath = this.real(path);

    const compiled = await compileStrategyFile(realPath, this.realFolder);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(/* @vite-ignore */ moduleUrl(compiled.text, compiled.sourceMap))) as Record<string, unknown>;
    } catch (err) {
      throw userCodeError(err, file, undefined);
    }
    const strategy = checkedStrategy(mod, file);
    const info = describeUserStrategy(strategy, compiled.codeHash, path);
    const parsed = StrategyInfo.safeParse(info);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HoldoutError('INVALID_DATA', `${file}: strategy '${strategy.name}' cannot be listed: ${issue.path.join('.')}: ${issue.message}.`, { file });
    }
    const loaded: LoadedUserStrategy = { path, file, codeHash: compiled.codeHash, strategy: withMappedErrors(strategy, file), info: parsed.data };

    const stamps = new Map<string, string>();
    for (const input of compiled.inputs) stamps.set(input, stamp(input) ?? 'gone');
    // Edited while compiling: serve this result once, but compile again next time.
    if (stamps.get(realPath) === entryBefore) this.cache.set(path, { stamps, loaded });
    return loaded;
  }

  /** load() as a value: the listing wants every file's outcome, not the first failure. */
  async describe(path: string): Promise<UserStrategyLoadOutcome> {
    try {
      return { ok: true, info: (await this.load(path)).info };
    } catch (err) {
      return { ok: false, problem: toProblem(err, displayName(this.folder, path)) };
    }
  }
}

function stamp(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function isFresh(stamps: Map<string, string>): boolean {
  for (const [path, s] of stamps) if (stamp(path) !== s) return false;
  return true;
}

export function toProblem(err: unknown, file: string): StrategyProblem {
  if (err instanceof HoldoutError) {
    const loc = err.location;
    const column = loc?.column !== undefined && /^\d+$/.test(loc.column) ? Number(loc.column) : undefined;
    return {
      file: loc?.file ?? file,
      ...(loc?.line !== undefined ? { line: loc.line } : {}),
      ...(column !== undefined ? { column } : {}),
      message: err.message,
    };
  }
  return { file, message: `${file}: ${thrownMessage(err)}` };
}

/**
 * An error thrown by user code (at load or in targets()) as INVALID_DATA naming the source line it came from:
 * "<file>:<line>: <message>", where file is the strategy or the helper file that threw.
 */
export function userCodeError(err: unknown, entryFile: string, strategyName: string | undefined): HoldoutError {
  if (err instanceof HoldoutError) return err;
  const message = thrownMessage(err);
  const loc = locateError(err);
  if (!loc) return new HoldoutError('INVALID_DATA', `${entryFile}: ${message}`, { file: entryFile });
  const via = loc.file !== entryFile ? ` (${strategyName ? `strategy '${strategyName}' in ` : 'imported by '}${entryFile})` : '';
  return new HoldoutError('INVALID_DATA', `${loc.file}:${loc.line}: ${message}${via}`, { file: loc.file, line: loc.line });
}

const HOW_TO_EXPORT = "add `export default defineStrategy({ ... })` (or `export const strategy = ...`)";

/** The module's strategy after checking its shape and its declaration; names what is missing or wrong. */
function checkedStrategy(mod: Record<string, unknown>, file: string): Strategy {
  const key = mod.default !== undefined ? 'default' : mod.strategy !== undefined ? 'strategy' : undefined;
  if (key === undefined) {
    const names = Object.keys(mod);
    const has = names.length === 0 ? 'it exports nothing' : `it exports only ${names.map((n) => `'${n}'`).join(', ')}`;
    throw new HoldoutError('INVALID_DATA', `${file}: does not export a strategy: ${HOW_TO_EXPORT}; ${has}.`, { file });
  }
  const what = key === 'default' ? 'the default export' : "the export 'strategy'";
  const candidate = mod[key];
  const shape = shapeProblems(candidate);
  if (shape.length > 0) throw new HoldoutError('INVALID_DATA', `${file}: ${what} is not a strategy: ${shape.join('; ')}.`, { file });
  const strategy = candidate as Strategy;
  let problems: string[];
  try {
    problems = checkStrategyDefinition(strategy);
  } catch (err) {
    problems = [`its declaration could not be checked: ${thrownMessage(err)}`];
  }
  if (BUILTIN_STRATEGIES.some((b) => b.name === strategy.name)) {
    problems.push(`the name '${strategy.name}' belongs to a built-in strategy; choose another`);
  }
  if (problems.length > 0) throw new HoldoutError('INVALID_DATA', `${file}: strategy '${strategy.name}' is invalid: ${problems.join('; ')}.`, { file });
  return strategy;
}

function shapeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [`it is ${value === null ? 'null' : typeof value}, not an object`];
  const s = value as Record<string, unknown>;
  const missing: string[] = [];
  for (const key of ['name', 'label', 'version', 'description']) if (typeof s[key] !== 'string') missing.push(`${key} (a string)`);
  if (!Array.isArray(s.params)) missing.push('params (an array of parameter declarations)');
  if (typeof s.targets !== 'function') missing.push('targets (a function returning a Float64Array)');
  const problems = missing.length > 0 ? [`missing or wrong type: ${missing.join(', ')}`] : [];
  if (Array.isArray(s.params)) {
    s.params.forEach((p: unknown, i) => {
      const spec = p as Record<string, unknown> | null;
      if (typeof spec !== 'object' || spec === null || typeof spec.name !== 'string') problems.push(`params[${i}] needs a name`);
      else if (!['int', 'float', 'categorical'].includes(spec.type as string)) problems.push(`parameter '${spec.name}' has type ${JSON.stringify(spec.type)}; use 'int', 'float' or 'categorical'`);
      else if (spec.type === 'categorical' && !Array.isArray(spec.choices)) problems.push(`parameter '${spec.name}' is categorical and needs a choices array`);
    });
  }
  if (s.constraints !== undefined && !Array.isArray(s.constraints)) problems.push('constraints must be an array');
  if (s.requires !== undefined && !Array.isArray(s.requires)) problems.push('requires must be an array');
  return problems;
}

/** The same strategy, with targets() errors rethrown as HoldoutErrors naming the user's file and line. */
function withMappedErrors(strategy: Strategy, file: string): Strategy {
  const targets = strategy.targets;
  return Object.freeze({
    name: strategy.name,
    label: strategy.label,
    version: strategy.version,
    description: strategy.description,
    params: strategy.params,
    ...(strategy.constraints !== undefined ? { constraints: strategy.constraints } : {}),
    ...(strategy.requires !== undefined ? { requires: strategy.requires } : {}),
    targets(data: BarSeries, params: ParamValues, context: StrategyContext): Float64Array {
      try {
        return targets.call(strategy, data, params, context);
      } catch (err) {
        throw userCodeError(err, file, strategy.name);
      }
    },
  });
}
