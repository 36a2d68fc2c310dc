import { useEffect, useRef, useState } from 'react';
import { routeHref } from '../app/route';
import { ErrorPanel } from '../components/ErrorPanel';
import { useDatasets } from '../datasets/useDatasets';
import { PerformanceProfileView } from '../profile/PerformanceProfileView';
import { recallBacktest, rememberBacktest } from './backtestMemory';
import { BacktestSetup } from './BacktestSetup';
import { useBacktestForm } from './useBacktestForm';
import { requestKey, useBacktestRun } from './useBacktestRun';
import { useStrategies } from './useStrategies';

/** Changes after the first run re-run the backtest once typing has paused this long. */
const RERUN_DEBOUNCE_MS = 300;

interface BacktestPageProps {
  /** Dataset and strategy named by the link (#/backtest?dataset=…&strategy=…). */
  preset: { dataset?: string; strategy?: string };
}

export function BacktestPage({ preset }: BacktestPageProps) {
  const [memory] = useState(recallBacktest);
  const { datasets, error: datasetsError } = useDatasets();
  const { data: strategies, error: strategiesError } = useStrategies();
  const form = useBacktestForm(datasets, strategies, {
    datasetId: preset.dataset ?? memory?.datasetId ?? null,
    strategy: preset.strategy ?? memory?.strategy ?? null,
    params: memory?.params,
    config: memory?.config,
  });
  const outcome = useBacktestRun({ report: memory?.report ?? null, reportKey: memory?.reportKey ?? null });
  const { run } = outcome;
  const [armed, setArmed] = useState(memory?.armed ?? false);

  const { request } = form;
  const key = request ? requestKey(request) : null;
  /** The last request sent, so an unchanged form is not sent again. */
  const sentKey = useRef<string | null>(memory?.reportKey ?? null);
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  });

  const runNow = () => {
    if (!request) return;
    sentKey.current = key;
    setArmed(true);
    run(request);
  };

  useEffect(() => {
    if (!armed || key === null || key === sentKey.current) return;
    const timer = window.setTimeout(() => {
      const current = requestRef.current;
      if (!current) return;
      sentKey.current = requestKey(current);
      run(current);
    }, RERUN_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [armed, key, run]);

  // The address follows the chosen dataset and strategy (replaced, not pushed: no hashchange, no remount), so a
  // reload or a copied link opens the same backtest.
  const { datasetId, strategy } = form.snapshot;
  useEffect(() => {
    if (!datasetId && !strategy) return;
    const href = routeHref({ page: 'backtest', ...(datasetId ? { dataset: datasetId } : {}), ...(strategy ? { strategy } : {}) });
    if (window.location.hash !== href) window.history.replaceState(null, '', href);
  }, [datasetId, strategy]);

  const { snapshot } = form;
  const { report, reportKey } = outcome;
  useEffect(() => {
    rememberBacktest({ ...snapshot, armed, report, reportKey });
  }, [snapshot, armed, report, reportKey]);

  const stale = report !== null && key !== reportKey;
  // An error is shown while it answers the form as it is (or while there is nothing else to show).
  const error = outcome.error && (outcome.errorKey === key || !report) ? outcome.error : null;
  const serverField = error?.location?.field;
  const errors = serverField && !form.errors[serverField] ? { ...form.errors, [serverField]: error.message } : form.errors;

  return (
    <div className="page backtest-page" data-testid="backtest-page">
      <header className="page-header">
        <h1>Backtest</h1>
      </header>
      {datasetsError ? <ErrorPanel title="Could not list the datasets" error={datasetsError} /> : null}
      {strategiesError ? <ErrorPanel title="Could not list the strategies" error={strategiesError} /> : null}
      <div className="backtest-layout">
        <BacktestSetup
          form={{ ...form, errors }}
          datasets={datasets}
          strategies={strategies}
          running={outcome.running}
          armed={armed}
          stale={stale && !outcome.running && request !== null}
          onRun={runNow}
        />
        <section
          className={outcome.running || stale ? 'backtest-results is-stale' : 'backtest-results'}
          aria-label="Backtest results"
          aria-busy={outcome.running}
          data-testid="backtest-results"
          data-state={outcome.running ? 'running' : report ? 'ready' : 'empty'}
        >
          {error ? <ErrorPanel title="The backtest failed" error={error} testId="backtest-error" /> : null}
          {stale && !outcome.running && !error ? (
            <p className="results-note" data-testid="results-stale">
              {request ? 'The settings changed; these results are from the previous run.' : 'These results are from the last valid settings; fix the marked fields to run again.'}
            </p>
          ) : null}
          {report ? (
            <PerformanceProfileView report={report} />
          ) : outcome.running ? (
            <p className="muted">Running the backtest…</p>
          ) : (
            <section className="empty-state results-empty">
              <h2>No results yet</h2>
              <p>Choose a dataset and a strategy, adjust the parameters if you like, then press Run backtest.</p>
              <p className="muted">After the first run, every change re-runs the backtest by itself.</p>
            </section>
          )}
        </section>
      </div>
    </div>
  );
}
