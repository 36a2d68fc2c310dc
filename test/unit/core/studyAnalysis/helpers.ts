// Small hand-built inputs for the study-analysis tests: noise return columns and trials over them.
import { Rng } from '../../../../src/core/random';
import type { AnalysedTrial, StudyAnalysisOptions } from '../../../../src/core/studyAnalysis';

export const OPTIONS: StudyAnalysisOptions = {
  partitions: 8,
  includeEarlierStudies: false,
  correlationCorrected: true,
  neighbourhood: 0.1,
  resamples: 200,
  seed: 1,
};

/** `trials` columns of `rows` normal returns with sd `scale` and per-column drift (in units of sd). */
export function noiseColumns(seed: number, trials: number, rows: number, drift: (n: number) => number = () => 0, scale = 0.01): Float64Array[] {
  const rng = new Rng(seed);
  const out: Float64Array[] = [];
  for (let n = 0; n < trials; n++) {
    const c = new Float64Array(rows);
    for (let t = 0; t < rows; t++) c[t] = scale * (drift(n) + rng.normal());
    out.push(c);
  }
  return out;
}

/** Per-period Sharpe mean / sd (ddof 1), computed plainly. */
export function sharpeOf(r: Float64Array): number {
  let m = 0;
  for (const x of r) m += x;
  m /= r.length;
  let ss = 0;
  for (const x of r) ss += (x - m) ** 2;
  return m / Math.sqrt(ss / (r.length - 1));
}

/** One trial per column, valued by its annualised Sharpe (what a Sharpe-maximising study stores). */
export function trialsFor(columns: readonly Float64Array[], periodsPerYear = 252): AnalysedTrial[] {
  return columns.map((c, i) => ({ number: i, params: { n: i + 1 }, values: [sharpeOf(c) * Math.sqrt(periodsPerYear)] }));
}
