// The 'mode' parameter most built-ins share: whether the bearish side of the rule goes short or just flat.
// One definition so every strategy names, labels and validates it identically.
import type { CategoricalParamSpec } from '../paramSpec';

export type PositionMode = 'long-flat' | 'long-short';

export const POSITION_MODES: readonly PositionMode[] = ['long-flat', 'long-short'];

export function positionModeParam(defaultMode: PositionMode): CategoricalParamSpec {
  return {
    name: 'mode',
    label: 'Mode',
    type: 'categorical',
    choices: POSITION_MODES,
    default: defaultMode,
    description: "'long-flat' stays out on the bearish signal; 'long-short' goes short.",
  };
}
