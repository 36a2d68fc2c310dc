// Constraints between parameters arrive as text ("fast < slow", "exitPeriod <= entryPeriod"). The simple
// comparisons of two parameters are checked here as the user types; anything else is shown and left to the back end.
import type { ParamValue } from '../../../shared';

export interface ConstraintCheck {
  text: string;
  /** The parameters it compares, when the text is a comparison the form understands. */
  params: string[];
  /** False when the current values break it; null when it cannot be checked here (or a value is missing). */
  satisfied: boolean | null;
}

const COMPARISON = /^\s*([A-Za-z_][\w]*)\s*(<=|>=|<|>)\s*([A-Za-z_][\w]*)\s*$/;

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

export function checkConstraint(text: string, values: Readonly<Record<string, ParamValue | undefined>>): ConstraintCheck {
  const match = COMPARISON.exec(text);
  if (!match) return { text, params: [], satisfied: null };
  const [, left, op, right] = match;
  const a = values[left];
  const b = values[right];
  if (typeof a !== 'number' || typeof b !== 'number') return { text, params: [left, right], satisfied: null };
  return { text, params: [left, right], satisfied: compare(a, op, b) };
}
