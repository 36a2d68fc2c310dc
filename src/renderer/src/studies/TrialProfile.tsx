import { useEffect, useState } from 'react';
import type { BacktestReport, StudyDetail, StudyTrial } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatInteger } from '../format/formatNumber';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { PerformanceProfileView } from '../profile/PerformanceProfileView';

interface TrialProfileProps {
  detail: StudyDetail;
  trial: StudyTrial;
  onClose: () => void;
}

/**
 * One trial's performance profile: the study's dataset, strategy and settings with the trial's parameters, run
 * as an ordinary backtest and shown the way the Backtest page shows one.
 */
export function TrialProfile({ detail, trial, onClose }: TrialProfileProps) {
  const client = useClient();
  const { summary, spec } = detail;
  const [state, setState] = useState<{ report: BacktestReport | null; error: DisplayError | null }>({ report: null, error: null });
  const params = { ...spec.fixed, ...trial.params };
  // Keys rather than objects: a polled refresh brings equal but new objects, which must not re-run the backtest.
  const paramsKey = JSON.stringify(params);
  const configKey = JSON.stringify(spec.config);

  useEffect(() => {
    let live = true;
    setState({ report: null, error: null });
    client.api.backtests.run({ datasetId: summary.datasetId, strategy: summary.strategy, params: JSON.parse(paramsKey) as typeof params, config: JSON.parse(configKey) as typeof spec.config }).then(
      (report) => {
        if (live) setState({ report, error: null });
      },
      (err: unknown) => {
        if (live) setState({ report: null, error: toDisplayError(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [client, summary.datasetId, summary.strategy, paramsKey, configKey]);

  return (
    <section className="panel trial-profile" aria-labelledby="trial-profile-title" data-testid="trial-profile">
      <div className="panel-header">
        <h2 id="trial-profile-title" className="panel-title">
          Trial {trial.number} · performance profile
        </h2>
        <div className="trial-profile-actions">
          <button type="button" className="button button-small" onClick={onClose} data-testid="close-trial-profile">
            Close
          </button>
        </div>
      </div>
      <p className="trial-params" data-testid="trial-params">
        {Object.entries(params).map(([k, v]) => (
          <span key={k} className="param-chip">
            {k} = <strong>{String(v)}</strong>
          </span>
        ))}
      </p>
      <p className="results-note">
        The tuner scored this trial on the first {formatInteger(spec.inSampleBars)} bars (in sample). This profile runs the same parameters over the whole dataset, so it
        includes the out-of-sample bars the tuner never saw.
      </p>
      {state.error ? <ErrorPanel title="The backtest for this trial failed" error={state.error} /> : null}
      {state.report ? <PerformanceProfileView report={state.report} /> : state.error ? null : <p className="muted">Running the backtest for trial {trial.number}…</p>}
    </section>
  );
}
