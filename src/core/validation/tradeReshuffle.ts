// Trade-order reshuffle Monte Carlo: how deep the maximum drawdown could have been had the same trades come in a
// different order.
import { drawdownStats } from '../metrics/drawdown';
import { quantileType7 } from '../metrics/quantile';
import { Rng } from '../random';

export type TradeSequence =
  /** Per-trade simple returns on equity, compounded: `E_{j+1} = E_j·(1 + r_j)`, `E_0 = 1`. */
  | { readonly kind: 'returns'; readonly returns: Float64Array }
  /** Per-trade P&L in account currency, added: `E_{j+1} = E_j + pnl_j`, `E_0 = initialCapital`. */
  | { readonly kind: 'pnl'; readonly pnl: Float64Array; readonly initialCapital: number };

export interface TradeReshuffleOptions {
  /** Number of shuffles. Default 1000. */
  readonly samples?: number;
  readonly seed: number;
}

/** Probabilities at which {@link TradeReshuffleResult.quantiles} are read, in this order. */
export const RESHUFFLE_QUANTILE_LEVELS: readonly number[] = Object.freeze([0.05, 0.25, 0.5, 0.75, 0.95]);

export interface TradeReshuffleResult {
  /** Maximum drawdown of the original order, as a magnitude `−maxDrawdown` (0.25 = a 25% fall). */
  readonly original: number;
  /** Type-7 quantiles of the shuffled magnitudes at {@link RESHUFFLE_QUANTILE_LEVELS} (higher = worse). */
  readonly quantiles: readonly number[];
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Share of shuffles whose drawdown is strictly deeper than the original's. */
  readonly shareWorse: number;
  /** Final equity of the original order (the same for every order). */
  readonly finalEquity: number;
  /** All shuffled magnitudes, in draw order. */
  readonly drawdowns: Float64Array;
}

/**
 * Trade reshuffle Monte Carlo (e.g. Pardo, 2008, ch. 11; Aronson, Evidence-Based Technical Analysis, 2006): the
 * trade list is permuted `samples` times by Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm 3.4.2 P) with the seeded
 * Rng, the equity path rebuilt (compounded returns or added P&L, see {@link TradeSequence}) and its maximum drawdown
 * `max_j (1 − E_j / max_{i≤j} E_i)` taken with metrics' drawdownStats. Final equity is order-free
 * (`Π(1 + r_j)` and `C + Σ pnl_j` commute), only the path and so the drawdown change.
 *
 * One permutation buffer and one equity buffer are reused. Deterministic for `seed`.
 *
 * @throws RangeError for no trades, samples < 1, or a non-positive initialCapital.
 */
export function tradeReshuffle(trades: TradeSequence, options: TradeReshuffleOptions): TradeReshuffleResult {
  const values = trades.kind === 'returns' ? trades.returns : trades.pnl;
  const start = trades.kind === 'returns' ? 1 : trades.initialCapital;
  const compound = trades.kind === 'returns';
  const samples = options.samples ?? 1000;
  const n = values.length;
  if (n === 0) throw new RangeError('tradeReshuffle: needs at least one trade');
  if (!Number.isSafeInteger(samples) || samples < 1) throw new RangeError(`tradeReshuffle: samples must be a positive integer, got ${String(samples)}`);
  if (!(start > 0 && start < Infinity)) throw new RangeError(`tradeReshuffle: initialCapital must be a positive finite number, got ${String(start)}`);

  const rng = new Rng(options.seed);
  const order = values.slice();
  const equity = new Float64Array(n + 1);
  // Maximum drawdown magnitude `max_j (1 − E_j / max_{i≤j} E_i)` of the path built from `sequence`.
  const depth = (sequence: Float64Array): number => {
    equity[0] = start;
    for (let j = 0; j < n; j++) equity[j + 1] = compound ? equity[j] * (1 + sequence[j]) : equity[j] + sequence[j];
    return 0 - drawdownStats(equity).maxDrawdown; // 0 − x, not −x: no −0 for a path without drawdown
  };
  const original = depth(values);
  const finalEquity = equity[n];
  const drawdowns = new Float64Array(samples);
  let worse = 0;
  let sum = 0;
  for (let s = 0; s < samples; s++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    const d = depth(order);
    drawdowns[s] = d;
    sum += d;
    if (d > original) worse++;
  }
  const sorted = drawdowns.slice().sort();
  return {
    original,
    quantiles: RESHUFFLE_QUANTILE_LEVELS.map((p) => quantileType7(sorted, p)),
    mean: sum / samples,
    min: sorted[0],
    max: sorted[samples - 1],
    shareWorse: worse / samples,
    finalEquity,
    drawdowns,
  };
}
