// The search space as the New study form holds it: per parameter either a range (low, high, log scale, grid
// step, as typed) or one fixed value, prefilled from the strategy's declared parameters and checked against
// their declared bounds and types as the user types. Produces the `space` overrides of studies.create.
import type { ParamOverride, ParamSpecInfo, ParamValue, StrategyInfo } from '../../../shared';
import { numberText, parseNumber } from '../backtest/numberInput';

export interface NumericParamDraft {
  kind: 'numeric';
  mode: 'range' | 'fixed';
  low: string;
  high: string;
  log: boolean;
  /** Empty: continuous (or every integer). */
  step: string;
  fixed: string;
}

export interface CategoricalParamDraft {
  kind: 'categorical';
  mode: 'all' | 'fixed';
  /** Index into the declared choices, as text. */
  fixed: string;
}

export type ParamSpaceDraft = NumericParamDraft | CategoricalParamDraft;
export type SpaceDraft = Record<string, ParamSpaceDraft>;

export function defaultParamDraft(spec: ParamSpecInfo): ParamSpaceDraft {
  if (spec.type === 'categorical') {
    const index = spec.choices.findIndex((c) => c === spec.default);
    return { kind: 'categorical', mode: 'all', fixed: String(Math.max(0, index)) };
  }
  return {
    kind: 'numeric',
    mode: 'range',
    low: numberText(spec.low),
    high: numberText(spec.high),
    log: spec.log ?? false,
    step: spec.step !== undefined ? numberText(spec.step) : '',
    fixed: numberText(spec.default),
  };
}

export function defaultSpaceDraft(strategy: StrategyInfo): SpaceDraft {
  return Object.fromEntries(strategy.params.map((p) => [p.name, defaultParamDraft(p)]));
}

export interface ParamSpaceCheck {
  override: ParamOverride | null;
  /** Field ("low", "high", "step", "fixed") → message. */
  errors: Partial<Record<'low' | 'high' | 'step' | 'fixed', string>>;
}

/** One parameter's override (null: the declared space as is) or what is wrong with it. */
export function checkParamDraft(spec: ParamSpecInfo, draft: ParamSpaceDraft | undefined): ParamSpaceCheck {
  const d = draft ?? defaultParamDraft(spec);
  if (spec.type === 'categorical' || d.kind === 'categorical') {
    if (spec.type !== 'categorical' || d.kind !== 'categorical') return { override: null, errors: {} };
    if (d.mode === 'all') return { override: null, errors: {} };
    const choice: ParamValue | undefined = spec.choices[Number(d.fixed)];
    return choice === undefined ? { override: null, errors: { fixed: 'Choose one of the options.' } } : { override: { fixed: choice }, errors: {} };
  }
  const integer = spec.type === 'int';
  const rule = { min: spec.low, max: spec.high, integer };
  if (d.mode === 'fixed') {
    const fixed = parseNumber(d.fixed, rule);
    return fixed.ok ? { override: { fixed: fixed.value! }, errors: {} } : { override: null, errors: { fixed: fixed.error } };
  }
  const errors: ParamSpaceCheck['errors'] = {};
  const low = parseNumber(d.low, rule);
  const high = parseNumber(d.high, rule);
  const step = parseNumber(d.step, { min: 0, minExclusive: true, integer, optional: true });
  if (!low.ok) errors.low = low.error;
  if (!high.ok) errors.high = high.error;
  if (!step.ok) errors.step = step.error;
  if (low.ok && high.ok && low.value! >= high.value!) errors.high = 'Must be above the low end.';
  if (low.ok && d.log && low.value! <= 0) errors.low = 'A log scale needs a low end above 0.';
  if (step.ok && step.value !== undefined && d.log) errors.step = 'A grid step and a log scale do not go together.';
  if (low.ok && high.ok && step.ok && step.value !== undefined && step.value > high.value! - low.value!) errors.step = 'The step is wider than the range.';
  if (!low.ok || !high.ok || Object.keys(errors).length > 0) return { override: null, errors };
  const stepValue = step.ok ? step.value : undefined;
  const override: ParamOverride = { low: low.value!, high: high.value!, ...(d.log ? { log: true } : {}), ...(stepValue !== undefined ? { step: stepValue } : {}) };
  return { override, errors };
}

export interface SpaceCheck {
  space: Record<string, ParamOverride>;
  /** "fast.low" → message. */
  errors: Record<string, string>;
  /** How many parameters the tuner searches (not fixed). */
  searched: number;
}

export function checkSpace(strategy: StrategyInfo, draft: SpaceDraft): SpaceCheck {
  const space: Record<string, ParamOverride> = {};
  const errors: Record<string, string> = {};
  let searched = 0;
  for (const spec of strategy.params) {
    const d = draft[spec.name] ?? defaultParamDraft(spec);
    const checked = checkParamDraft(spec, d);
    for (const [field, message] of Object.entries(checked.errors)) errors[`${spec.name}.${field}`] = message;
    if (checked.override) space[spec.name] = checked.override;
    if (d.mode !== 'fixed') searched += 1;
  }
  return { space, errors, searched };
}
