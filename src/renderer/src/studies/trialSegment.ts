import type { BarRange } from '../../../shared';

/** Which bars a trial's profile runs on. */
export type TrialSegment = 'inSample' | 'outOfSample' | 'all';

export const TRIAL_SEGMENTS: readonly { value: TrialSegment; label: string }[] = [
  { value: 'inSample', label: 'In sample' },
  { value: 'outOfSample', label: 'Out of sample' },
  { value: 'all', label: 'Whole dataset' },
];

/**
 * The bar range of a segment: in sample is the first `inSampleBars` bars (what the study stored, the bars the
 * tuner scored the trial on), out of sample the rest. Null when the segment has no bars (an in-sample fraction of 1).
 */
export function segmentRange(segment: TrialSegment, inSampleBars: number, datasetBars: number): BarRange | null {
  if (segment === 'inSample') return inSampleBars > 0 ? { fromBar: 0, toBar: inSampleBars } : null;
  if (segment === 'outOfSample') return inSampleBars < datasetBars ? { fromBar: inSampleBars, toBar: datasetBars } : null;
  return { fromBar: 0, toBar: datasetBars };
}
