// The plain data a study analysis takes: complete trials, their in-sample per-bar returns, objectives and options.
// Mirrors what the store holds, with no storage or transport types, so scripts can build it by hand.

export type AnalysisParamValue = number | string | boolean;
export type AnalysisParams = Record<string, AnalysisParamValue>;

export interface AnalysisObjective {
  readonly metric: string;
  readonly direction: 'maximize' | 'minimize';
}

/** A complete trial: its number, every parameter (fixed ones included) and its objective values. */
export interface AnalysedTrial {
  readonly number: number;
  readonly params: AnalysisParams;
  readonly values: readonly number[];
}

/** The options every analysis shares (see AnalysisOptions in src/shared/analysisSchemas.ts for the defaults). */
export interface StudyAnalysisOptions {
  readonly trial?: number;
  readonly partitions: number;
  readonly includeEarlierStudies: boolean;
  readonly correlationCorrected: boolean;
  readonly neighbourhood: number;
  readonly resamples: number;
  readonly seed: number;
}
