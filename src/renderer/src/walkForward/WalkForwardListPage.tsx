// Every walk-forward run, newest first, with its progress and headline results; live while any of them runs.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WalkForwardSummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useHoldoutEvent } from '../api/useHoldoutEvent';
import { useNavigate } from '../app/NavigationContext';
import { routeHref } from '../app/route';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatDateTime } from '../format/formatDate';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { formatDecimal, formatInteger } from '../format/formatNumber';
import { formatPercent } from '../format/formatPercent';
import { StatusBadge } from '../studies/StatusBadge';
import './walkForward.css';

const POLL_MS = 3000;

export function WalkForwardListPage() {
  const client = useClient();
  const navigate = useNavigate();
  const [runs, setRuns] = useState<WalkForwardSummary[] | null>(null);
  const [error, setError] = useState<DisplayError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const n = ++latest.current;
    client.api.walkForward.list({}).then(
      (list) => {
        if (n !== latest.current) return;
        setRuns(list);
        setError(null);
      },
      (err: unknown) => {
        if (n === latest.current) setError(toDisplayError(err));
      },
    );
  }, [client]);

  useEffect(() => {
    reload();
  }, [reload]);
  useHoldoutEvent('walkForward.progress', () => reload());
  const anyRunning = runs?.some((r) => r.status === 'running') ?? false;
  useEffect(() => {
    if (!anyRunning) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [anyRunning, reload]);

  return (
    <div className="page" data-testid="walk-forward-list">
      <header className="page-header">
        <h1>Walk-forward</h1>
        <a className="button button-primary" href={routeHref({ page: 'walk-forward-new' })} data-testid="new-walk-forward-button">
          New walk-forward
        </a>
      </header>
      {error ? <ErrorPanel title="Could not list the walk-forward runs" error={error} /> : null}
      {runs === null ? (
        error ? null : <p className="muted">Loading walk-forward runs…</p>
      ) : runs.length === 0 ? (
        <section className="empty-state">
          <h2>No walk-forward runs yet</h2>
          <p>
            A walk-forward run tunes the strategy on one stretch of history, tests the chosen parameters on the stretch that follows, moves forward and repeats. The
            tests, stitched together, show how re-tuning would have done on data it had never seen.
          </p>
          <div className="empty-state-actions">
            <a className="button button-primary" href={routeHref({ page: 'walk-forward-new' })}>
              Set up a walk-forward
            </a>
          </div>
        </section>
      ) : (
        <div className="table-frame">
          <table className="data-table studies-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Strategy</th>
                <th scope="col">Dataset</th>
                <th scope="col">Windows</th>
                <th scope="col" className="numeric">
                  Done
                </th>
                <th scope="col" className="numeric">
                  WFE
                </th>
                <th scope="col" className="numeric">
                  OOS return
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className="study-row" data-testid="walk-forward-row" data-run-id={r.id} onClick={() => navigate({ page: 'walk-forward', id: r.id })}>
                  <td className="cell-name">
                    <a className="dataset-link" href={routeHref({ page: 'walk-forward', id: r.id })} onClick={(e) => e.stopPropagation()}>
                      {r.name}
                    </a>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>
                    <code>{r.strategy}</code>
                  </td>
                  <td>{r.datasetName ?? r.datasetId}</td>
                  <td className="muted">
                    {r.request.mode}, {formatInteger(r.request.inSampleBars)} / {formatInteger(r.request.outOfSampleBars)} bars
                  </td>
                  <td className="numeric">
                    {r.completedWindows} / {r.windows.length}
                  </td>
                  <td className="numeric">{r.efficiency === null ? '—' : formatDecimal(r.efficiency, 2)}</td>
                  <td className="numeric">{r.stitched ? formatPercent(r.stitched.metrics.total_return ?? null, 1) : '—'}</td>
                  <td className="muted">{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
