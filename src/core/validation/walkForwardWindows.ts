// Walk-forward window arithmetic: the in-sample (training) and out-of-sample (test) bar ranges of each window,
// rolling or anchored, with López de Prado's purge and embargo translated to a walk-forward layout.

/** A half-open range of bar indices `[from, to)`. */
export interface BarRange {
  readonly from: number;
  readonly to: number;
}

export interface WalkForwardWindow {
  /** 0-based window number, in time order. */
  readonly index: number;
  /** Training bars, after purge and embargo. Always non-empty and entirely before `outOfSample`. */
  readonly inSample: BarRange;
  /** Test bars. Non-empty; only the last window's may be shorter than `outOfSample` (see truncateLast). */
  readonly outOfSample: BarRange;
}

export type WalkForwardMode = 'rolling' | 'anchored';

export interface WalkForwardOptions {
  /** Total number of bars in the data set. */
  readonly bars: number;
  /** Nominal in-sample length in bars (before the purge is taken off its end). */
  readonly inSample: number;
  /** Out-of-sample length in bars. */
  readonly outOfSample: number;
  /** Bars by which each window's out-of-sample start advances; at least `outOfSample + embargo`. */
  readonly step: number;
  /** 'rolling': in-sample of fixed nominal length slides by `step`; 'anchored': in-sample always starts at bar 0. */
  readonly mode: WalkForwardMode;
  /** Bars dropped from the end of each in-sample part, right before its out-of-sample part. Default 0. */
  readonly purge?: number;
  /** Bars after each out-of-sample part that the next window neither tests nor trains on. Default 0. */
  readonly embargo?: number;
  /**
   * When the last window's out-of-sample part runs past `bars`: true (default) keeps it, cut at `bars`;
   * false drops that window.
   */
  readonly truncateLast?: boolean;
}

/**
 * The windows of a walk-forward analysis. With `o_k = inSample + k·step` (out-of-sample start of window k):
 *
 * - out-of-sample `OOS_k = [o_k, min(o_k + outOfSample, bars))`;
 * - in-sample `IS_k = [s_k, e_k)` with `s_k = o_k − inSample` (rolling) or `0` (anchored) and
 *   `e_k = o_k − purge`, further capped for k ≥ 1 by the embargo: `e_k = min(o_k − purge, OOS_{k−1}.to)` when
 *   `embargo > 0`.
 *
 * Purge (López de Prado, Advances in Financial Machine Learning, 2018, §7.4.1): the last `purge` in-sample bars
 * before the test part are removed, because labels or features computed on them (holding periods, look-forward
 * targets) overlap the test period. So `IS_k.to + purge = OOS_k.from`.
 *
 * Embargo (ibid., §7.4.2) removes training observations that come right AFTER a test period, whose look-back
 * features overlap it. Inside one walk-forward window nothing follows the test part, so here the embargo acts across
 * windows: the `embargo` bars after `OOS_k` are a quarantine that window k + 1 neither tests (its test part starts
 * `step − outOfSample ≥ embargo` bars later, which the options must allow) nor trains on (its in-sample ends at or
 * before `OOS_k.to`). When `embargo > 0` that means the whole gap between consecutive test parts is kept out of the
 * next window's in-sample; windows k + 2 and later may train on it. With `embargo = 0` the gap (if `step >
 * outOfSample`) is simply untested and the next window trains on it.
 *
 * Guarantees: `IS_k.to ≤ OOS_k.from` (no overlap, no look-ahead); consecutive out-of-sample parts never overlap
 * (`OOS_{k+1}.from − OOS_k.to = step − outOfSample ≥ embargo`) and are contiguous when `step = outOfSample`, so
 * they can be stitched into one test curve. The last window: see `truncateLast`; windows whose test part would
 * start at or after `bars` do not exist.
 *
 * @throws RangeError naming the argument: a non-integer or non-positive bars/inSample/outOfSample/step, a negative
 * purge/embargo, `purge ≥ inSample` (empty in-sample), `step < outOfSample + embargo` (overlapping or
 * un-embargoed test parts), a rolling window whose embargo cap leaves no in-sample bar, or bars too few for even
 * one window.
 */
export function walkForwardWindows(options: WalkForwardOptions): WalkForwardWindow[] {
  const { bars, inSample, outOfSample, step, mode } = options;
  const purge = options.purge ?? 0;
  const embargo = options.embargo ?? 0;
  const truncateLast = options.truncateLast ?? true;
  positiveInteger('bars', bars);
  positiveInteger('inSample', inSample);
  positiveInteger('outOfSample', outOfSample);
  positiveInteger('step', step);
  nonNegativeInteger('purge', purge);
  nonNegativeInteger('embargo', embargo);
  if (mode !== 'rolling' && mode !== 'anchored') throw new RangeError(`walkForwardWindows: mode must be 'rolling' or 'anchored', got ${String(mode)}`);
  if (purge >= inSample) throw new RangeError(`walkForwardWindows: purge (${purge}) must be less than inSample (${inSample}) to leave a training bar`);
  if (step < outOfSample + embargo) {
    throw new RangeError(`walkForwardWindows: step (${step}) must be at least outOfSample + embargo (${outOfSample} + ${embargo}) so test parts do not overlap`);
  }
  const minimumTest = truncateLast ? 1 : outOfSample;
  if (inSample + minimumTest > bars) {
    throw new RangeError(`walkForwardWindows: bars (${bars}) is too few for one window of inSample ${inSample} + outOfSample ${minimumTest}`);
  }

  const windows: WalkForwardWindow[] = [];
  let previousTestEnd = -1;
  for (let k = 0; ; k++) {
    const testFrom = inSample + k * step;
    if (testFrom >= bars) break;
    const fullTestTo = testFrom + outOfSample;
    if (fullTestTo > bars && !truncateLast) break;
    const testTo = Math.min(fullTestTo, bars);
    const trainFrom = mode === 'rolling' ? testFrom - inSample : 0;
    let trainTo = testFrom - purge;
    if (embargo > 0 && k > 0) trainTo = Math.min(trainTo, previousTestEnd);
    if (trainTo <= trainFrom) {
      throw new RangeError(`walkForwardWindows: with embargo ${embargo} window ${k} has no in-sample bar left; lower step or raise inSample`);
    }
    windows.push({ index: k, inSample: { from: trainFrom, to: trainTo }, outOfSample: { from: testFrom, to: testTo } });
    previousTestEnd = testTo;
  }
  return windows;
}

/** Throws a RangeError naming `name` unless `value` is an integer ≥ 1. */
function positiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`walkForwardWindows: ${name} must be a positive integer, got ${String(value)}`);
}

/** Throws a RangeError naming `name` unless `value` is an integer ≥ 0. */
function nonNegativeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`walkForwardWindows: ${name} must be a non-negative integer, got ${String(value)}`);
}
