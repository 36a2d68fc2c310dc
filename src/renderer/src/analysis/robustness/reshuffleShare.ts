// Reading the reshuffled-drawdown quantiles: how often the same trades in another order fell deeper than the order
// that happened (Monte-Carlo trade reshuffle, e.g. Pardo, The Evaluation and Optimization of Trading Strategies, 2008).
import type { RobustnessReport } from '../../../../shared';

type Reshuffle = NonNullable<RobustnessReport['drawdownReshuffle']>;

export interface ShareDeeper {
  share: number;
  /** 'about': read between two quantiles; outside the quantiles only a bound is known. */
  bound: 'about' | 'at most' | 'at least';
}

/**
 * The share of reshuffles whose drawdown is deeper than the observed one, read off the quantile curve by linear
 * interpolation; beyond the outermost quantile only a bound (that quantile's tail) is known. Drawdowns may be stored
 * as negative fractions (deeper is lower) or as magnitudes (deeper is higher).
 */
export function shareDeeper(reshuffle: Reshuffle): ShareDeeper | null {
  const q = [...reshuffle.quantiles].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.value - b.value || a.level - b.level);
  if (q.length === 0 || !Number.isFinite(reshuffle.observed)) return null;
  const negative = q[q.length - 1].value <= 0 && reshuffle.observed <= 0;
  const x = reshuffle.observed;
  // below: the share of reshuffles with a value under x, and whether it is a lower bound, an upper bound or a reading.
  let below: number;
  let side: 'about' | 'at most' | 'at least' = 'about';
  if (x < q[0].value) {
    below = q[0].level;
    side = 'at most';
  } else if (x > q[q.length - 1].value) {
    below = q[q.length - 1].level;
    side = 'at least';
  } else {
    let k = 0;
    while (k < q.length - 1 && q[k].value < x) k++;
    const b = q[k];
    const a = q[Math.max(0, k - 1)];
    below = b.value === a.value ? b.level : a.level + ((x - a.value) / (b.value - a.value)) * (b.level - a.level);
  }
  if (negative) return { share: below, bound: side };
  return { share: 1 - below, bound: side === 'about' ? 'about' : side === 'at most' ? 'at least' : 'at most' };
}

/** "about 35%", "at most 5%". */
export function shareDeeperText(d: ShareDeeper): string {
  return `${d.bound} ${Math.round(d.share * 100)}%`;
}
