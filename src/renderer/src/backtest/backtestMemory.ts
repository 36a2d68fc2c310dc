// What the Backtest page was showing when the user left it, kept for this window's lifetime so that a trip to a
// dataset and back (or a click on the sidebar's Backtest link) returns to the same form and the same results.
import type { BacktestReport } from '../../../shared';
import type { ConfigDraft } from './configDraft';
import type { ParamDraft } from './paramDraft';

export interface BacktestMemory {
  datasetId: string | null;
  strategy: string | null;
  /** Strategy name → its parameter form, so switching strategies and back keeps what was typed. */
  params: Record<string, ParamDraft>;
  config: ConfigDraft;
  /** A first run has happened: later changes re-run by themselves. */
  armed: boolean;
  report: BacktestReport | null;
  /** The request (as JSON) the report answers. */
  reportKey: string | null;
}

let memory: BacktestMemory | null = null;

export function recallBacktest(): BacktestMemory | null {
  return memory;
}

export function rememberBacktest(next: BacktestMemory): void {
  memory = next;
}
