// The strategies the app offers, described for the contract (StrategyInfo): the built-ins, and user strategy
// files (loaded in a worker, see ../strategies). Each carries a code hash so every result records which code
// produced it.
import { createHash } from 'node:crypto';
import { BUILTIN_STRATEGIES, getBuiltinStrategy, type ParamSpec, type Strategy } from '../../core';
import { HoldoutError, type ParamSpecInfo, type StrategyInfo } from '../../shared';

/**
 * A built-in's code ships inside the app, so its identity is its name, its version and the app version:
 * SHA-256 of "builtin:<name>@<strategy version>/holdout@<app version>".
 */
export function builtinCodeHash(strategy: Strategy, appVersion: string): string {
  return createHash('sha256').update(`builtin:${strategy.name}@${strategy.version}/holdout@${appVersion}`).digest('hex');
}

export function describeStrategy(strategy: Strategy, appVersion: string): StrategyInfo {
  return {
    name: strategy.name,
    label: strategy.label,
    version: strategy.version,
    description: strategy.description,
    params: strategy.params.map(toParamInfo),
    constraints: (strategy.constraints ?? []).map((c) => c.text),
    requires: [...(strategy.requires ?? [])],
    source: 'builtin',
    codeHash: builtinCodeHash(strategy, appVersion),
  };
}

/** A user strategy: its code hash is the SHA-256 of its compiled bundle; `file` is its absolute path. */
export function describeUserStrategy(strategy: Strategy, codeHash: string, file: string): StrategyInfo {
  return { ...describeStrategy(strategy, ''), source: 'user', codeHash, file };
}

export function listStrategies(appVersion: string): StrategyInfo[] {
  return BUILTIN_STRATEGIES.map((s) => describeStrategy(s, appVersion));
}

export function findStrategy(name: string): Strategy {
  try {
    return getBuiltinStrategy(name);
  } catch {
    throw new HoldoutError(
      'INVALID_REQUEST',
      `Unknown strategy "${name}". Available: ${BUILTIN_STRATEGIES.map((s) => s.name).join(', ')}.`,
      { field: 'strategy', value: name },
    );
  }
}

function toParamInfo(spec: ParamSpec): ParamSpecInfo {
  if (spec.type === 'categorical') {
    return { type: 'categorical', name: spec.name, label: spec.label, choices: [...spec.choices], default: spec.default, description: spec.description };
  }
  return {
    type: spec.type,
    name: spec.name,
    label: spec.label,
    low: spec.low,
    high: spec.high,
    step: spec.step,
    log: spec.log,
    default: spec.default,
    description: spec.description,
  };
}
