// The state of a study as plain JSON data: its trials and its sampler's state. Saving both after every ask or
// tell and passing them back as createStudy's `resume` continues the study exactly where it stopped: the same
// seed and the same later calls give the same trials as if it had never been interrupted.
import type { JsonValue } from '../samplers/sampler';
import type { FrozenTrial } from './frozenTrial';

export interface StudyState {
  readonly trials: readonly FrozenTrial[];
  /** The sampler's getState(); null to restart the sampler from its seed (deterministic, but a new sequence). */
  readonly sampler: JsonValue;
}
