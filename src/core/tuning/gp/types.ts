// The public types of the GP module: what the GP sampler adapter passes in and gets back.

/** Seeded randomness; the project's Rng (src/core/random) satisfies it. */
export interface GpRng {
  /** Uniform in [0, 1). */
  nextFloat(): number;
  /** Standard normal. */
  normal(): number;
}

/** Hyperparameters in ORIGINAL output units (variances scale with yStd²); a GpModelSummary is one. */
export interface GpHyperparameterValues {
  /** One per input dimension, in unit-cube coordinates. */
  readonly lengthscales: Float64Array;
  readonly signalVariance: number;
  readonly noiseVariance: number;
}

export interface FitOptions {
  /**
   * Starting points of the hyperparameter search besides the warm start: a fixed default plus restarts − 1 draws
   * from the prior (seeded rng). Default 4, or 1 when a warmStart is given (warm start + default). Each start gets
   * `screenIterations` L-BFGS iterations; the best then runs to convergence.
   */
  readonly restarts?: number;
  /** L-BFGS iterations of the final hyperparameter run. Default 50. */
  readonly fitIterations?: number;
  /** L-BFGS iterations per start before the best start is chosen. Default 4. */
  readonly screenIterations?: number;
  /**
   * The hyperparameters are fitted on at most this many observations: the best quarter plus a random subset of the
   * conditioning set (subsample.ts). Default 64 (latency; see fitGaussianProcess.ts).
   */
  readonly maxFitObservations?: number;
  /**
   * The posterior is conditioned on at most this many observations: the best quarter plus a random subset.
   * Default 500 (latency; see fitGaussianProcess.ts).
   */
  readonly maxObservations?: number;
  /** Start the hyperparameter search here first, e.g. the previous suggestion's `model`; cuts the fit time. */
  readonly warmStart?: GpHyperparameterValues;
  /**
   * Use these hyperparameters and skip the fit entirely (e.g. tests, or reusing a model). They are not clipped to
   * the search bounds; noise 0 is allowed (jitter keeps K factorisable).
   */
  readonly fixedHyperparameters?: GpHyperparameterValues;
}

export interface GpSuggestOptions extends FitOptions {
  /**
   * Quasi-random and perturbed candidates scored before the local search. Default 1024, or 512 when the GP is
   * conditioned on more than 100 observations (scoring costs O(n²) per candidate).
   */
  readonly rawCandidates?: number;
  /** Best candidates refined by the local search. Default 5. */
  readonly localSearchStarts?: number;
  /** L-BFGS iterations per local search. Default 20. */
  readonly localSearchIterations?: number;
  /** Acquisition function; default 'logEI'. */
  readonly acquisition?: 'logEI' | 'ucb';
  /** β of the confidence bound μ − √β·σ (standardised units) when acquisition is 'ucb'. Default 4. */
  readonly ucbBeta?: number;
}

export interface GpSuggestInput {
  /** Observed points in [0,1]^d (already snapped to valid points). At least one. */
  readonly X: readonly Float64Array[];
  /** Objective values to MINIMISE, one per row of X (finite). */
  readonly y: Float64Array;
  /** Points being evaluated right now (busy workers): proposals avoid them (Kriging believer). */
  readonly pending?: readonly Float64Array[];
  /** Maps any point of the cube to the nearest valid point; identity if omitted. Returns a new array. */
  readonly snap?: (x: Float64Array) => Float64Array;
  /** False for a snapped point that violates constraints: never returned. */
  readonly isFeasible?: (x: Float64Array) => boolean;
  /**
   * Dedup key of snapped points; a point whose key matches an observed or pending point (or an earlier proposal of
   * the same batch) is proposed only when no alternative was found. Default: the values joined with ','.
   */
  readonly key?: (x: Float64Array) => string;
  readonly rng: GpRng;
  readonly options?: GpSuggestOptions;
}

export interface GpModelSummary {
  /** Fitted ARD length-scales, one per dimension (unit-cube coordinates). */
  readonly lengthscales: Float64Array;
  /** Kernel variance σ_f² in original output units (standardised value × yStd²). */
  readonly signalVariance: number;
  /** Observation-noise variance σ_n² in original output units. */
  readonly noiseVariance: number;
  /** Mean of the observed outputs (all of them), subtracted before fitting. */
  readonly yMean: number;
  /** Population standard deviation of the observed outputs (1 when they are all equal). */
  readonly yStd: number;
  /** Observations the posterior is conditioned on (<= maxObservations; pending fantasies not counted). */
  readonly observationsUsed: number;
}

export interface GpSuggestResult {
  /** The proposal: snapped, feasible, in [0,1]^d. */
  readonly x: Float64Array;
  /**
   * log EI at x in ORIGINAL output units (log of the expected decrease below the best observed value), under the
   * model conditioned on the pending points and earlier proposals of the batch; reported for 'ucb' too.
   */
  readonly logEi: number;
  readonly model: GpModelSummary;
}

export interface FittedGp {
  readonly summary: GpModelSummary;
  /**
   * Posterior at x in ORIGINAL output units: the mean, and the variance of the latent function f(x) WITHOUT the
   * observation noise (add summary.noiseVariance for the predictive variance of a new observation).
   */
  predict(x: Float64Array): { mean: number; variance: number };
  /** predict for many points. */
  predictBatch(xs: readonly Float64Array[]): { mean: Float64Array; variance: Float64Array };
  /**
   * log p(y | X, θ) of the STANDARDISED outputs of the conditioning set at the fitted θ (Rasmussen & Williams
   * eq. 2.30; the prior is not included). Add −n·log(yStd) for the density of the original outputs.
   */
  readonly logMarginalLikelihood: number;
}
