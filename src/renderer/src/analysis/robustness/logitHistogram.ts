// Binning of the CSCV logits for the PBO histogram: 0 is always a bin edge so the bars left of it add up exactly to
// the PBO share (λ <= 0 counts as overfit, Bailey, Borwein, López de Prado & Zhu 2017, §2.4), hence right-closed bins.

export interface LogitBins {
  /** Bin edges, ascending, one more than the counts; 0 is one of them. */
  edges: number[];
  /** Combinations with λ <= 0 per bin (zero in bins right of 0). */
  overfit: number[];
  /** Combinations with λ > 0 per bin (zero in bins left of 0). */
  sound: number[];
  /** Finite logits binned; non-finite ones (a rank of exactly 0 or 1) are counted apart. */
  finite: number;
  nonFinite: number;
}

const MIN_BINS = 8;
const MAX_BINS = 48;

/** Bins over the logits' range widened to include 0: about √n bins (clamped), each bin (a, b] with 0 an edge. */
export function binLogits(logits: readonly number[]): LogitBins {
  let lo = 0;
  let hi = 0;
  let finite = 0;
  for (const v of logits) {
    if (!Number.isFinite(v)) continue;
    finite += 1;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const nonFinite = logits.length - finite;
  if (finite === 0) return { edges: [], overfit: [], sound: [], finite, nonFinite };
  const target = Math.min(MAX_BINS, Math.max(MIN_BINS, Math.round(Math.sqrt(finite))));
  const span = hi - lo > 0 ? hi - lo : 1;
  const width = niceWidth(span / target);
  // Edges are integer multiples of the width, so the one at 0 is exactly 0; the lowest bin (first, first + w] holds lo.
  const firstIndex = Math.ceil(lo / width) - 1;
  const count = Math.max(1, Math.ceil(hi / width) - firstIndex);
  const edges = Array.from({ length: count + 1 }, (_, i) => (firstIndex + i) * width);
  const overfit = new Array<number>(count).fill(0);
  const sound = new Array<number>(count).fill(0);
  for (const v of logits) {
    if (!Number.isFinite(v)) continue;
    // The arithmetic guess can be off by one at an edge; the comparisons settle it, so (a, b] holds exactly.
    let k = Math.min(count - 1, Math.max(0, Math.ceil(v / width) - firstIndex - 1));
    while (k > 0 && v <= edges[k]) k--;
    while (k < count - 1 && v > edges[k + 1]) k++;
    if (v <= 0) overfit[k] += 1;
    else sound[k] += 1;
  }
  return { edges, overfit, sound, finite, nonFinite };
}

/** The step nearest `raw` among 1, 2, 2.5 and 5 times a power of ten, so the axis ticks land on bin edges. */
function niceWidth(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const step = scaled < 1.5 ? 1 : scaled < 2.25 ? 2 : scaled < 3.5 ? 2.5 : scaled < 7.5 ? 5 : 10;
  return step * power;
}
