// The options that describe a search and its backtests, shared by tune, walkforward and study continue: the space
// (--space FILE.yaml, --range, --fix) and the fills and costs (--fill, --commission-bps), declared once so they read
// and parse the same in every command.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { HoldoutError, type ParamOverride } from '../shared';
import { collect, parseFill, parsePositiveOrZero } from './optionParsers';

export interface SpaceOptions {
  space?: string;
  range: string[];
  fix: string[];
}

export function addSpaceOptions(command: Command): Command {
  return command
    .option('--space <file.yaml>', 'parameter ranges: name: { low, high, log?, step?, type? } or name: { fixed: value } (or a plain value)')
    .option('--range <name=low:high[:log|:int]>', 'tune one parameter over a range; repeat for several', collect, [])
    .option('--fix <name=value>', 'hold one parameter at a value; repeat for several', collect, []);
}

/** The space overrides, later options winning: the --space file, then each --range, then each --fix. */
export function spaceFromOptions(opts: SpaceOptions): Record<string, ParamOverride> {
  return { ...(opts.space ? readSpaceFile(opts.space) : {}), ...parseRanges(opts.range), ...parseFixed(opts.fix) };
}

export interface CostOptions {
  fill?: 'open' | 'close';
  commissionBps?: number;
}

export function addCostOptions(command: Command): Command {
  return command
    .option('--fill <rule>', 'fill at the next bar\'s "open" (default) or at the signal bar\'s "close"', parseFill)
    .option('--commission-bps <bps>', 'commission in basis points of traded notional', parsePositiveOrZero);
}

export function configFromOptions(opts: CostOptions): { fill: 'close' | 'nextOpen'; commissionBps: number } {
  return { fill: opts.fill === 'close' ? 'close' : 'nextOpen', commissionBps: opts.commissionBps ?? 0 };
}

export function readSpaceFile(file: string): Record<string, ParamOverride> {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(resolve(file), 'utf8'));
  } catch (err) {
    throw new HoldoutError('INVALID_REQUEST', `--space ${file}: ${err instanceof Error ? err.message : String(err)}`, { file });
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new HoldoutError('INVALID_REQUEST', `--space ${file}: expected a mapping of parameter names to ranges.`, { file });
  }
  const out: Record<string, ParamOverride> = {};
  for (const [name, value] of Object.entries(doc as Record<string, unknown>)) {
    out[name] = (value !== null && typeof value === 'object' ? value : { fixed: value }) as ParamOverride;
  }
  return out;
}

export function parseRanges(pairs: string[]): Record<string, ParamOverride> {
  const out: Record<string, ParamOverride> = {};
  for (const pair of pairs) {
    const m = /^([^=]+)=([^:]+):([^:]+)(?::(log|int))?$/.exec(pair.trim());
    const low = m ? Number(m[2]) : NaN;
    const high = m ? Number(m[3]) : NaN;
    if (!m || !Number.isFinite(low) || !Number.isFinite(high)) {
      throw new HoldoutError('INVALID_REQUEST', `--range "${pair}" must look like name=low:high, name=low:high:log or name=low:high:int.`, { field: 'range' });
    }
    out[m[1].trim()] = { low, high, ...(m[4] === 'log' ? { log: true } : {}), ...(m[4] === 'int' ? { type: 'int' as const } : {}) };
  }
  return out;
}

export function parseFixed(pairs: string[]): Record<string, ParamOverride> {
  const out: Record<string, ParamOverride> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new HoldoutError('INVALID_REQUEST', `--fix "${pair}" must look like name=value.`, { field: 'fix' });
    const text = pair.slice(eq + 1).trim();
    const n = Number(text);
    out[pair.slice(0, eq).trim()] = { fixed: text !== '' && Number.isFinite(n) ? n : text === 'true' ? true : text === 'false' ? false : text };
  }
  return out;
}
