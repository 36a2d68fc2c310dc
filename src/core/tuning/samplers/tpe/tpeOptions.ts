// TPE's settings and their defaults, which are Optuna 3.x's TPESampler defaults (n_startup_trials 10,
// n_ei_candidates 24, prior_weight 1, consider_magic_clip, default_gamma and default_weights), except that
// the constant liar is on: a batch of busy workers must not all be sent to the same promising spot.

export interface TpeOptions {
  readonly seed: number;
  /** Complete trials sampled at random before TPE takes over. */
  readonly nStartup?: number;
  /** Candidates drawn from the good density, of which the best l(x)/g(x) is proposed. */
  readonly nEiCandidates?: number;
  /** Size of the good group given n complete trials. */
  readonly gamma?: (n: number) => number;
  /** Weight of the flat prior component in each density. */
  readonly priorWeight?: number;
  /** Bergstra et al.'s lower bound on bandwidths, range / min(100, 1 + components). */
  readonly considerMagicClip?: boolean;
  /** Count running trials as bad ones (Optuna's constant_liar), so parallel proposals spread out. */
  readonly constantLiar?: boolean;
}

export type ResolvedTpeOptions = Required<TpeOptions>;

/** Optuna's default_gamma: the best 10% of trials, at most 25. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna's default_weights: flat for the 25 newest observations, a linear ramp from 1/n up to 1 for older ones. */
export function defaultWeights(n: number): number[] {
  if (n < 25) return new Array<number>(n).fill(1);
  const ramp = n - 25;
  const w: number[] = [];
  for (let i = 0; i < ramp; i++) w.push(ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1));
  for (let i = 0; i < 25; i++) w.push(1);
  return w;
}

export function resolveTpeOptions(options: TpeOptions): ResolvedTpeOptions {
  const r: ResolvedTpeOptions = {
    seed: options.seed,
    nStartup: options.nStartup ?? 10,
    nEiCandidates: options.nEiCandidates ?? 24,
    gamma: options.gamma ?? defaultGamma,
    priorWeight: options.priorWeight ?? 1,
    considerMagicClip: options.considerMagicClip ?? true,
    constantLiar: options.constantLiar ?? true,
  };
  if (!Number.isInteger(r.nStartup) || r.nStartup < 0) throw new RangeError(`TPE nStartup must be a non-negative integer, not ${r.nStartup}`);
  if (!Number.isInteger(r.nEiCandidates) || r.nEiCandidates < 1) throw new RangeError(`TPE nEiCandidates must be a positive integer, not ${r.nEiCandidates}`);
  if (!(r.priorWeight > 0)) throw new RangeError(`TPE priorWeight must be positive, not ${r.priorWeight}`);
  return r;
}
