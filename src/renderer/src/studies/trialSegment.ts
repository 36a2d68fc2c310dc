import type { BarRange } from '../../../shared';

/** Which bars a trial's profile runs on. */
export type TrialSegment = 'inSample' | 'outOfSample' | 'all';

export const TRIAL_SEGMENTS: readonly { value: TrialSegment; label: string }[] = [
  { value: 'inSample', label: 'In sample' },
  { value: 'outOfSample', label: 'Out of sample' },
  { value: 'all', label: 'Whole dataset' },
];

/**
 * The bar range of a segment: in sample is the `inSampleBars` bars from `inSampleFrom` (what the study stored, the
 * bars the tuner scored the trial on; 0 unless the study was created on a range, as a walk-forward window's is),
 * out of sample the bars after them. Null when the segment has no bars (an in-sample fraction of 1).
 */
export function segmentRange(segment: TrialSegment, inSampleBars: number, datasetBars: number, inSampleFrom = 0): BarRange | null {
  const inSampleTo = inSampleFrom + inSampleBars;
  if (segment === 'inSample') return inSampleBars > 0 ? { fromBar: inSampleFrom, toBar: inSampleTo } : null;
  if (segment === 'outOfSample') return inSampleTo < datasetBars ? { fromBar: inSampleTo, toBar: datasetBars } : null;
  return { fromBar: 0, toBar: datasetBars };
}
