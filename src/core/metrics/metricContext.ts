// One backtest's metric input plus lazily computed, cached intermediate results (moments, drawdown, the returns'
// working copy for quantiles, trade and position statistics), so metrics sharing a building block compute it once.

import { downsideDeviation, omegaParts, type OmegaParts } from './downsideRisk';
import { drawdownStats, type DrawdownStats } from './drawdown';
import { validateMetricInput, type MetricInput } from './metricInput';
import { resolveMetricOptions, type MetricOptions, type ResolvedMetricOptions } from './metricOptions';
import { positionStats, type PositionStats } from './positionStats';
import { selectQuantileType7, workingCopy } from './quantile';
import { returnMoments, type ReturnMoments } from './returnMoments';
import { tradeStats, type TradeStats } from './tradeStats';

/** Fewest returns for any return-distribution metric: a standard deviation needs two. */
export const MIN_RETURNS = 2;

export class MetricContext {
  readonly input: MetricInput;
  readonly options: ResolvedMetricOptions;
  #moments: ReturnMoments | undefined;
  #drawdown: DrawdownStats | undefined;
  #work: Float64Array | undefined;
  #quantiles: Map<number, number> | undefined;
  #trades: TradeStats | null | undefined;
  #positions: PositionStats | null | undefined;
  #downside: number | undefined;
  #omega: OmegaParts | undefined;

  /**
   * @throws Error for misaligned input arrays (validateMetricInput) and RangeError for unusable options
   * (resolveMetricOptions); never for short data.
   */
  constructor(input: MetricInput, options: MetricOptions) {
    validateMetricInput(input);
    this.input = input;
    this.options = resolveMetricOptions(options);
  }

  get moments(): ReturnMoments {
    return (this.#moments ??= returnMoments(this.input.returns));
  }

  /**
   * True when the returns support distribution statistics: at least MIN_RETURNS of them and all finite (a NaN
   * return must not be silently skipped by a comparison or derail the quantile selection).
   */
  get hasReturnSample(): boolean {
    const m = this.moments;
    return m.n >= MIN_RETURNS && Number.isFinite(m.mean);
  }

  get drawdown(): DrawdownStats {
    return (this.#drawdown ??= drawdownStats(this.input.equity));
  }

  /**
   * A copy of the returns (in options.scratch when it is long enough) that the quantile metrics select in and
   * reorder; one copy serves them all. Check hasReturnSample first: the quantile code assumes no NaN.
   */
  get returnsWork(): Float64Array {
    return (this.#work ??= workingCopy(this.input.returns, this.options.scratch));
  }

  /**
   * The type-7 p-quantile of the returns, selected once per p: VaR, CVaR and the tail ratio share Q(0.05), and
   * each selection is a linear pass over the working copy.
   */
  quantile(p: number): number {
    const quantiles = (this.#quantiles ??= new Map());
    let q = quantiles.get(p);
    if (q === undefined) {
      q = selectQuantileType7(this.returnsWork, p);
      quantiles.set(p, q);
    }
    return q;
  }

  /** Downside deviation about options.sortinoTarget. */
  get downsideDeviation(): number {
    return (this.#downside ??= downsideDeviation(this.input.returns, this.options.sortinoTarget));
  }

  /** Gains and losses about options.omegaThreshold. */
  get omegaParts(): OmegaParts {
    return (this.#omega ??= omegaParts(this.input.returns, this.options.omegaThreshold));
  }

  /** Trade statistics, or undefined when the input has no trade list. */
  get trades(): TradeStats | undefined {
    if (this.#trades === undefined) this.#trades = this.input.trades ? tradeStats(this.input.trades) : null;
    return this.#trades ?? undefined;
  }

  /** Exposure and turnover, or undefined when the input has no positions. */
  get positions(): PositionStats | undefined {
    if (this.#positions === undefined) {
      const { position } = this.input;
      this.#positions = position ? positionStats(position, this.options.periodsPerYear) : null;
    }
    return this.#positions ?? undefined;
  }
}
