// Reading the reshuffled-drawdown quantiles: how often the same trades in another order fell deeper than the order
// that happened (Monte-Carlo trade reshuffle, e.g. Pardo, The Evaluation and Optimization of Trading Strategies, 2008).
import type { RobustnessReport } from '../../../../shared';

type Reshuffle = NonNullable<RobustnessReport['drawdownReshuffle']>;

/**
 * The share of reshuffles whose drawdown is deeper than the observed one, read off the quantile curve by linear
 * interpolation. Drawdowns may be stored as negative fractions (deeper is lower) or as magnitudes (deeper is higher).
 */
export function shareDeeper(reshuffle: Reshuffle): number | null {
  const q = [...reshuffle.quantiles].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.value - b.value || a.level - b.level);
  if (q.length === 0 || !Number.isFinite(reshuffle.observed)) return null;
  const negative = q[q.length - 1].value <= 0 && reshuffle.observed <= 0;
  const x = reshuffle.observed;
  let below: number;
  if (x <= q[0].value) below = q[0].level;
  else if (x >= q[q.length - 1].value) below = q[q.length - 1].level;
  else {
    let k = 1;
    while (q[k].value < x) k++;
    const a = q[k - 1];
    const b = q[k];
    below = b.value === a.value ? b.level : a.level + ((x - a.value) / (b.value - a.value)) * (b.level - a.level);
  }
  return negative ? below : 1 - below;
}
