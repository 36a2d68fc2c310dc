import { useEffect, useState } from 'react';
import type { AnalysisOptions, RobustnessReport } from '../../../../shared';
import { useClient } from '../../api/ClientContext';
import { toDisplayError, type DisplayError } from '../../format/formatError';

export type RobustnessRequestOptions = Partial<AnalysisOptions>;

export interface RobustnessState {
  /** The latest report; kept on screen while a recomputation runs. */
  report: RobustnessReport | null;
  /** The options the report on screen was computed with. */
  reportOptions: RobustnessRequestOptions | null;
  error: DisplayError | null;
  /** When the request under way started (ms), or null when none is. */
  pendingSince: number | null;
}

/**
 * Asks the back end for the robustness report whenever `request` changes (a new options object, or the same options
 * again for a recompute). Only the answer to the latest request lands.
 */
export function useRobustnessReport(studyId: string, request: { options: RobustnessRequestOptions; nonce: number }): RobustnessState {
  const client = useClient();
  const [state, setState] = useState<RobustnessState>({ report: null, reportOptions: null, error: null, pendingSince: null });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, error: null, pendingSince: Date.now() }));
    client.api.analysis.robustness({ id: studyId, options: request.options }).then(
      (report) => {
        if (live) setState({ report, reportOptions: request.options, error: null, pendingSince: null });
      },
      (err: unknown) => {
        if (live) setState((s) => ({ ...s, error: toDisplayError(err), pendingSince: null }));
      },
    );
    return () => {
      live = false;
    };
  }, [client, studyId, request]);
  return state;
}
