// Why a trade ended, stored as a small integer code in the trade log (a Uint8Array column) for speed.
// EXIT_REASONS[code] gives the name.

export const EXIT_REASONS = ['signal', 'stopLoss', 'takeProfit', 'trailingStop', 'endOfData'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** Code of each exit reason: the index into EXIT_REASONS. */
export const ExitReasonCode = {
  signal: 0,
  stopLoss: 1,
  takeProfit: 2,
  trailingStop: 3,
  endOfData: 4,
} as const satisfies Record<ExitReason, number>;
export type ExitReasonCode = (typeof ExitReasonCode)[ExitReason];

export function exitReasonName(code: number): ExitReason {
  const name = EXIT_REASONS[code];
  if (name === undefined) throw new RangeError(`exitReasonName: unknown exit reason code ${code}`);
  return name;
}
