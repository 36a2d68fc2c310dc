// Runs backtests for the page: the latest request wins (an answer to a request that was superseded is dropped),
// with the report or error and the request each answers, so the page can tell current results from stale ones.
import { useCallback, useRef, useState } from 'react';
import type { BacktestReport } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { toDisplayError, type DisplayError } from '../format/formatError';
import type { BacktestRequestInput } from './useBacktestForm';

export interface BacktestRunState {
  report: BacktestReport | null;
  /** JSON of the request the report answers. */
  reportKey: string | null;
  error: DisplayError | null;
  errorKey: string | null;
  running: boolean;
}

export function requestKey(request: BacktestRequestInput): string {
  return JSON.stringify(request);
}

export function useBacktestRun(initial: Pick<BacktestRunState, 'report' | 'reportKey'>): BacktestRunState & { run: (request: BacktestRequestInput) => void } {
  const client = useClient();
  const [state, setState] = useState<BacktestRunState>({ ...initial, error: null, errorKey: null, running: false });
  const latest = useRef(0);

  const run = useCallback(
    (request: BacktestRequestInput) => {
      const id = ++latest.current;
      const key = requestKey(request);
      setState((s) => ({ ...s, running: true }));
      client.api.backtests.run(request).then(
        (report) => {
          if (id === latest.current) setState({ report, reportKey: key, error: null, errorKey: null, running: false });
        },
        (err: unknown) => {
          if (id === latest.current) setState((s) => ({ ...s, error: toDisplayError(err), errorKey: key, running: false }));
        },
      );
    },
    [client],
  );

  return { ...state, run };
}
