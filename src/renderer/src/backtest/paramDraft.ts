// The parameter form's state and how it becomes the request's params: numeric fields as typed text, categorical
// ones as the index of the chosen value (choices may be numbers, strings or booleans), each checked against its
// spec the way the back end will check it.
import type { ParamSpecInfo, ParamValue, StrategyInfo } from '../../../shared';
import { numberText, parseNumber } from './numberInput';

/** Parameter name → the field's text (numeric) or the chosen index as text (categorical). */
export type ParamDraft = Record<string, string>;

/** Relative slack for float grids: 0.1 + 0.2 is on the 0.1 grid, as in the back end's validateParams. */
const STEP_TOLERANCE = 1e-9;

export function formatChoice(value: ParamValue): string {
  return String(value);
}

function fieldText(spec: ParamSpecInfo, value: ParamValue): string {
  if (spec.type === 'categorical') {
    const index = spec.choices.findIndex((c) => c === value);
    return String(index >= 0 ? index : 0);
  }
  return typeof value === 'number' ? numberText(value) : '';
}

/** The form for a strategy: its defaults, overridden by `values` (a remembered or preset run) where they fit. */
export function draftFor(strategy: StrategyInfo, values: Readonly<Record<string, ParamValue>> = {}): ParamDraft {
  const draft: ParamDraft = {};
  for (const spec of strategy.params) {
    const given = values[spec.name];
    draft[spec.name] = fieldText(spec, given === undefined ? spec.default : given);
  }
  return draft;
}

/** The value of one field, or the reason it is not acceptable. */
export function readParam(spec: ParamSpecInfo, text: string | undefined): { ok: true; value: ParamValue } | { ok: false; error: string } {
  if (spec.type === 'categorical') {
    const choice = spec.choices[Number(text ?? '0')];
    return choice === undefined ? { ok: false, error: 'Choose one of the options.' } : { ok: true, value: choice };
  }
  const parsed = parseNumber(text ?? '', { min: spec.low, max: spec.high, integer: spec.type === 'int' });
  if (!parsed.ok) return parsed;
  const value = parsed.value!;
  if (spec.step !== undefined && spec.step > 0) {
    const k = (value - spec.low) / spec.step;
    if (Math.abs(k - Math.round(k)) > STEP_TOLERANCE * Math.max(1, Math.abs(k))) {
      return { ok: false, error: `Must be on the grid ${numberText(spec.low)}, ${numberText(spec.low + spec.step)}, … (step ${numberText(spec.step)}).` };
    }
  }
  return { ok: true, value };
}
