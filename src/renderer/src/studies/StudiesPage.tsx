import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudySummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useHoldoutEvent } from '../api/useHoldoutEvent';
import { useNavigate } from '../app/NavigationContext';
import { routeHref } from '../app/route';
import { ErrorPanel } from '../components/ErrorPanel';
import { useDatasets } from '../datasets/useDatasets';
import { formatDateTime } from '../format/formatDate';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { formatDecimal, formatInteger } from '../format/formatNumber';
import { StatusBadge } from './StatusBadge';
import { CompareCheckbox, CompareHeaderCell, StudyListToolbar, StudyTagChips, useStudyListManagement } from '../studyManagement';
import { finishedTrials } from './studyFormat';
import { ACTIVE_STATUSES } from './useStudyLive';

const POLL_MS = 2000;

/** Every study, newest first, with its status and progress; live while any of them runs. */
export function StudiesPage() {
  const client = useClient();
  const navigate = useNavigate();
  const { datasets } = useDatasets();
  const [studies, setStudies] = useState<StudySummary[] | null>(null);
  const [error, setError] = useState<DisplayError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const n = ++latest.current;
    client.api.studies.list({}).then(
      (list) => {
        if (n !== latest.current) return;
        setStudies(list);
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

  useHoldoutEvent('study.progress', (p) => {
    setStudies((list) => {
      if (!list) return list;
      if (!list.some((s) => s.id === p.id)) {
        reload();
        return list;
      }
      return list.map((s) => (s.id === p.id ? { ...s, status: p.status, counts: p.counts, best: p.best } : s));
    });
  });

  // Events keep the counts current; an occasional reload also brings wall time, finish times and new studies.
  const anyActive = studies?.some((s) => ACTIVE_STATUSES.has(s.status)) ?? false;
  useEffect(() => {
    if (!anyActive) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [anyActive, reload]);

  const datasetName = (id: string) => datasets?.find((d) => d.id === id)?.name ?? id;
  const manage = useStudyListManagement(studies);

  return (
    <div className="page" data-testid="studies-page">
      <header className="page-header">
        <h1>Studies</h1>
        <a className="button button-primary" href={routeHref({ page: 'study-new' })} data-testid="new-study-button">
          New study
        </a>
      </header>
      {error ? <ErrorPanel title="Could not list the studies" error={error} /> : null}
      {studies === null ? (
        error ? null : <p className="muted">Loading studies…</p>
      ) : studies.length === 0 ? (
        <section className="empty-state">
          <h2>No studies yet</h2>
          <p>A study tunes a strategy's parameters on the in-sample part of a dataset, trial after trial, and keeps the out-of-sample part unseen.</p>
          <div className="empty-state-actions">
            <a className="button button-primary" href={routeHref({ page: 'study-new' })}>
              Create a study
            </a>
          </div>
        </section>
      ) : (
        <>
        <StudyListToolbar manage={manage} total={studies.length} />
        <div className="table-frame">
          <table className="data-table studies-table">
            <thead>
              <tr>
                <CompareHeaderCell />
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Strategy</th>
                <th scope="col">Dataset</th>
                <th scope="col">Sampler</th>
                <th scope="col" className="numeric">
                  Trials
                </th>
                <th scope="col" className="numeric">
                  Best
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {manage.visible.map((s) => {
                const done = finishedTrials(s);
                const best = s.best[0];
                return (
                  <tr key={s.id} className="study-row" data-testid="study-row" data-study-id={s.id} onClick={() => navigate({ page: 'study', id: s.id })}>
                    <CompareCheckbox id={s.id} name={s.name} manage={manage} />
                    <td className="cell-name">
                      <a className="dataset-link" href={routeHref({ page: 'study', id: s.id })} onClick={(e) => e.stopPropagation()}>
                        {s.name}
                      </a>
                      <StudyTagChips tags={s.tags} />
                    </td>
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                    <td>
                      <code>{s.strategy}</code>
                    </td>
                    <td className="truncate">{datasetName(s.datasetId)}</td>
                    <td>{s.sampler.toUpperCase()}</td>
                    <td className="numeric">
                      {formatInteger(done)}
                      {s.budgetTrials !== null ? ` / ${formatInteger(s.budgetTrials)}` : ''}
                      {s.budgetTrials !== null ? (
                        <span className="mini-progress" aria-hidden="true">
                          <span style={{ width: `${Math.min(100, (done / s.budgetTrials) * 100)}%` }} />
                        </span>
                      ) : null}
                    </td>
                    <td className="numeric">
                      {best ? formatDecimal(best.values[0], 4) : '—'}
                      {s.best.length > 1 ? <span className="muted"> ({s.best.length} Pareto)</span> : null}
                      <span className="muted"> {s.objectives[0]?.metric}</span>
                    </td>
                    <td className="cell-date">{formatDateTime(s.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        </>
      )}
    </div>
  );
}
