// The windows a walk-forward form would create, worked out in the page (core walkForwardWindows, the function the
// back end uses) so the layout can be drawn and checked before anything runs.
import { walkForwardWindows, type WalkForwardWindow } from '../../../core/validation/walkForwardWindows';

export interface WindowPlanInput {
  bars: number;
  inSample: number;
  outOfSample: number;
  /** Undefined: back to back, outOfSample + embargo. */
  step: number | undefined;
  mode: 'rolling' | 'anchored';
  purge: number;
  embargo: number;
}

export type WindowPlan = { ok: true; windows: WalkForwardWindow[]; step: number; testedBars: number } | { ok: false; error: string };

export function planWindows(input: WindowPlanInput): WindowPlan {
  const step = input.step ?? input.outOfSample + input.embargo;
  try {
    const windows = walkForwardWindows({ bars: input.bars, inSample: input.inSample, outOfSample: input.outOfSample, step, mode: input.mode, purge: input.purge, embargo: input.embargo });
    const testedBars = windows.reduce((sum, w) => sum + (w.outOfSample.to - w.outOfSample.from), 0);
    return { ok: true, windows, step, testedBars };
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/^walkForwardWindows: /, '') : String(err);
    return { ok: false, error: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` };
  }
}
