import { useMemo, useState } from 'react';
import type { MetricInfo, StudySummary, StudyTrial } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { FilterBanner } from '../analysis/parameters/FilterBanner';
import { paramDimensions } from '../analysis/parameters/paramDimensions';
import { ParametersTab } from '../analysis/parameters/ParametersTab';
import { applyTrialFilter, filterIsActive, NO_FILTER, type TrialFilter } from '../analysis/parameters/trialFilter';
import { RobustnessTab } from '../analysis/robustness/RobustnessTab';
import { routeHref, type StudyTab } from '../app/route';
import { ErrorPanel } from '../components/ErrorPanel';
import { ExportButton } from '../exports/ExportButton';
import { ProgressBar } from '../components/ProgressBar';
import { useDatasets } from '../datasets/useDatasets';
import { formatDateTime } from '../format/formatDate';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { formatDecimal, formatInteger } from '../format/formatNumber';
import { useMetricDefinitions } from '../profile/useMetricDefinitions';
import { HistoryChart } from './HistoryChart';
import { ParetoChart } from './ParetoChart';
import { StatusBadge } from './StatusBadge';
import { StudyTabs } from './StudyTabs';
import { finishedTrials, formatDuration } from './studyFormat';
import { TrialProfile } from './TrialProfile';
import { TrialsTable } from './TrialsTable';
import { ACTIVE_STATUSES, useStudyLive } from './useStudyLive';
import { StudyManagementActions, StudyNameEditor, StudyNotesPanel, TrialNotesEditor } from '../studyManagement';

function metricLabel(id: string, definitions: MetricInfo[] | null): string {
  return definitions?.find((m) => m.id === id)?.label ?? id;
}

function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? formatDecimal(v, 4) : String(v)}`)
    .join(', ');
}

/** Trials per second and seconds left, from the latest event or, while polling, from the summary. */
function pace(summary: StudySummary, progressRate: number | null, progressEta: number | null, budgetSec: number | null) {
  const done = finishedTrials(summary);
  const elapsed = summary.wallTimeMs / 1000;
  const rate = progressRate ?? (elapsed > 0 ? done / elapsed : 0);
  if (progressEta !== null || progressRate !== null) return { rate, eta: progressEta };
  const left: number[] = [];
  if (summary.budgetTrials !== null && rate > 0) left.push((summary.budgetTrials - done) / rate);
  if (budgetSec !== null) left.push(budgetSec - elapsed);
  return { rate, eta: left.length > 0 ? Math.max(0, Math.min(...left)) : null };
}

export function StudyDashboard({ id, tab = 'trials' }: { id: string; tab?: StudyTab }) {
  const client = useClient();
  const study = useStudyLive(id);
  const { detail, summary, progress, trials } = study;
  const { datasets } = useDatasets();
  const { data: definitions } = useMetricDefinitions();
  const [selected, setSelected] = useState<StudyTrial | null>(null);
  const [acting, setActing] = useState(false);
  const [actionError, setActionError] = useState<DisplayError | null>(null);

  const objectives = useMemo(
    () => (summary?.objectives ?? []).map((o) => ({ metric: o.metric, direction: o.direction, label: metricLabel(o.metric, definitions) })),
    [summary?.objectives, definitions],
  );
  const paramNames = useMemo(() => {
    const names = (detail?.spec.space ?? []).map((p) => String(p.name ?? '')).filter(Boolean);
    return names.length > 0 ? names : Object.keys(trials[0]?.params ?? {});
  }, [detail?.spec.space, trials]);
  const bestSet = useMemo(() => new Set((summary?.best ?? []).map((b) => b.number)), [summary?.best]);
  const failures = useMemo(() => trials.filter((t) => t.state === 'failed'), [trials]);
  // The parallel-coordinates brush (Parameters tab) filters the trials table on every tab until cleared.
  const [filter, setFilter] = useState<TrialFilter>(NO_FILTER);
  const dims = useMemo(() => paramDimensions(detail?.spec.space ?? [], trials), [detail?.spec.space, trials]);
  const filteredTrials = useMemo(() => applyTrialFilter(trials, filter, dims), [trials, filter, dims]);
  const filtering = filterIsActive(filter);

  if (study.error && !summary) {
    return (
      <div className="page" data-testid="study-page">
        <p className="breadcrumb">
          <a href={routeHref({ page: 'studies' })}>Studies</a> /
        </p>
        <ErrorPanel title="Could not open the study" error={study.error} />
      </div>
    );
  }
  if (!summary || !detail) {
    return (
      <div className="page" data-testid="study-page">
        <p className="muted">Loading the study…</p>
      </div>
    );
  }

  const { spec } = detail;
  const status = summary.status;
  const active = ACTIVE_STATUSES.has(status);
  const done = finishedTrials(summary);
  const budget = summary.budgetTrials;
  const { rate, eta } = pace(summary, progress?.trialsPerSec ?? null, progress?.etaSec ?? null, spec.budget.timeLimitSec);
  const fraction = budget ? done / budget : spec.budget.timeLimitSec ? Math.min(1, summary.wallTimeMs / 1000 / spec.budget.timeLimitSec) : null;
  const best = summary.best;
  const firstBest = best.length === 1 ? best[0] : best.length > 0 ? best.reduce((a, b) => (objectives[0]?.direction === 'minimize' ? (b.values[0] < a.values[0] ? b : a) : b.values[0] > a.values[0] ? b : a)) : null;
  const datasetName = datasets?.find((d) => d.id === summary.datasetId)?.name ?? summary.datasetId;

  // Busy workers: from the latest progress event, or (while polling) from the running trials.
  const busy = progress && study.live ? progress.busy : trials.filter((t) => t.state === 'running' && t.worker !== null).map((t) => ({ worker: t.worker!, trial: t.number, params: t.params }));
  const workerRows = Array.from({ length: spec.workers }, (_, w) => ({ worker: w, job: active ? busy.find((b) => b.worker === w) : undefined }));

  const act = (action: 'pause' | 'resume' | 'stop') => {
    setActing(true);
    setActionError(null);
    client.api.studies[action]({ id }).then(
      (next) => {
        setActing(false);
        study.setSummary(next);
        study.refresh();
      },
      (err: unknown) => {
        setActing(false);
        setActionError(toDisplayError(err));
      },
    );
  };

  const openTrial = (t: StudyTrial) => {
    setSelected(t);
    window.requestAnimationFrame(() => document.getElementById('trial-profile-anchor')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const selectedTrial = selected ? (trials.find((t) => t.number === selected.number) ?? selected) : null;

  // The trials table (filtered by the brush, when one is set) and the opened trial's profile: on the Trials and Parameters tabs.
  const trialsTable = (
    <>
      {filtering ? <FilterBanner matching={filteredTrials.length} total={trials.length} onClear={() => setFilter(NO_FILTER)} /> : null}
      <TrialsTable trials={filteredTrials} objectives={objectives} paramNames={paramNames} selected={selectedTrial?.number ?? null} best={bestSet} onSelect={openTrial} />
    </>
  );
  const profile = (
    <>
    <div id="trial-profile-anchor" />
    {selectedTrial ? (
      selectedTrial.state === 'failed' ? (
        <section className="panel" data-testid="trial-profile">
          <div className="panel-header">
            <h2 className="panel-title">Trial {selectedTrial.number} failed</h2>
            <button type="button" className="button button-small" onClick={() => setSelected(null)}>
              Close
            </button>
          </div>
          <p>{selectedTrial.failReason ?? 'No reason was recorded.'}</p>
          <p className="muted">Parameters: {paramsText(selectedTrial.params)}</p>
        </section>
      ) : (
        <TrialProfile key={selectedTrial.number} detail={detail} trial={selectedTrial} dataset={datasets?.find((d) => d.id === summary.datasetId)} onClose={() => setSelected(null)} />
      )
    ) : null}
    {selectedTrial ? <TrialNotesEditor studyId={id} trial={selectedTrial} onSaved={() => study.refresh()} /> : null}
    </>
  );

  return (
    <div className="page study-page" data-testid="study-page" data-study-id={id}>
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <a href={routeHref({ page: 'studies' })}>Studies</a> /
          </p>
          <div className="study-title-row">
            <StudyNameEditor summary={summary} onChanged={study.setSummary} />
            <StatusBadge status={status} />
          </div>
          <p className="muted study-meta">
            <code>{summary.strategy}</code> on {datasetName} · {summary.sampler.toUpperCase()} sampler ·{' '}
            {objectives.map((o) => `${o.direction === 'maximize' ? 'max' : 'min'} ${o.label}`).join(', ')} · seed {spec.seed} · {spec.workers} worker{spec.workers === 1 ? '' : 's'} · in sample{' '}
            {formatInteger(spec.inSampleBars)} bars ({formatDecimal(spec.inSampleFraction * 100, 0)}%), the rest never seen by the tuner · created {formatDateTime(summary.createdAt)}
          </p>
        </div>
        <div className="study-actions">
          <ExportButton summary={summary} trials={trials} />
          {status === 'running' ? (
            <button type="button" className="button" disabled={acting} onClick={() => act('pause')} data-testid="pause-study">
              Pause
            </button>
          ) : null}
          {status === 'paused' || status === 'interrupted' ? (
            <button type="button" className="button button-primary" disabled={acting} onClick={() => act('resume')} data-testid="resume-study">
              Resume
            </button>
          ) : null}
          {active || status === 'interrupted' ? (
            <button type="button" className="button button-danger" disabled={acting} onClick={() => act('stop')} data-testid="stop-study">
              Stop
            </button>
          ) : null}
          <StudyManagementActions detail={detail} summary={summary} />
        </div>
      </header>
      {actionError ? <ErrorPanel title="The study did not accept the command" error={actionError} onDismiss={() => setActionError(null)} /> : null}
      {summary.error ? <ErrorPanel title="The study failed" error={{ code: 'UNKNOWN', message: summary.error }} /> : null}
      {study.error ? <ErrorPanel title="Could not refresh the study" error={study.error} /> : null}
      <StudyNotesPanel summary={summary} onChanged={study.setSummary} />

      <StudyTabs studyId={id} active={tab} />

      {tab === 'trials' ? (
        <>
          <section className="panel study-progress-panel" aria-label="Progress">
            <ProgressBar
              value={status === 'completed' ? 1 : fraction}
              label={budget ? `${formatInteger(done)} of ${formatInteger(budget)} trials` : `${formatInteger(done)} trials`}
              detail={active ? `${status === 'paused' ? 'paused' : `ETA ${formatDuration(eta)}`} · ${formatDecimal(rate, 2)} trials/s` : `${formatDuration(summary.wallTimeMs / 1000)} in all`}
              testId="study-progress"
            />
            <dl className="key-figures study-figures">
              <div className="key-figure key-figure-best">
                <dt>{best.length > 1 ? `Best ${objectives[0]?.label ?? ''} (Pareto set of ${best.length})` : `Best ${objectives[0]?.label ?? 'value'}`}</dt>
                <dd data-testid="best-value">{firstBest ? formatDecimal(firstBest.values[0], 4) : '—'}</dd>
                {firstBest ? (
                  <button type="button" className="link-button best-trial-link" onClick={() => openTrial(trials.find((t) => t.number === firstBest.number) ?? { number: firstBest.number, state: 'complete', params: firstBest.params, values: firstBest.values, metrics: null, failReason: null, durationMs: null, worker: null, cached: false, startedAt: 0, finishedAt: null })} data-testid="open-best-trial">
                    trial {firstBest.number}: {paramsText(firstBest.params)}
                  </button>
                ) : null}
              </div>
              <div className="key-figure">
                <dt>Complete</dt>
                <dd>{formatInteger(summary.counts.complete)}</dd>
              </div>
              <div className="key-figure">
                <dt>Running</dt>
                <dd>{formatInteger(summary.counts.running)}</dd>
              </div>
              <div className="key-figure">
                <dt>Failed</dt>
                <dd className={summary.counts.failed > 0 ? 'negative' : undefined}>{formatInteger(summary.counts.failed)}</dd>
              </div>
              <div className="key-figure">
                <dt>Pruned</dt>
                <dd>{formatInteger(summary.counts.pruned)}</dd>
              </div>
              <div className="key-figure">
                <dt>Cache hits</dt>
                <dd data-testid="cache-hits">{formatInteger(summary.counts.cached)}</dd>
              </div>
            </dl>
            <p className="muted study-live-note">{active ? (study.live ? 'Live updates.' : 'Checking for updates every 2 s.') : summary.finishedAt ? `Finished ${formatDateTime(summary.finishedAt)}.` : ''}</p>
          </section>

          <section className="panel" aria-labelledby="history-title">
            <div className="panel-header">
              <h2 id="history-title" className="panel-title">
                Optimisation history
              </h2>
              <span className="chart-decimation">
                {objectives.length > 1 ? `First objective (${objectives[0].label}); ` : ''}every completed trial and the best so far, in sample
              </span>
            </div>
            {objectives[0] ? <HistoryChart trials={trials} objective={objectives[0]} studyId={id} /> : null}
          </section>

          {objectives.length >= 2 ? (
            <section className="panel" aria-labelledby="pareto-title">
              <div className="panel-header">
                <h2 id="pareto-title" className="panel-title">
                  Pareto front
                </h2>
                <span className="chart-decimation">
                  {objectives.length > 2 ? `First two objectives (${objectives[0].label}, ${objectives[1].label}); ` : ''}every completed trial, the non-dominated ones joined, in sample
                </span>
              </div>
              <ParetoChart trials={trials} objectives={objectives} studyId={id} />
            </section>
          ) : null}

          <div className="study-pair">
            <section className="panel" aria-labelledby="workers-title" data-testid="workers-panel">
              <h2 id="workers-title" className="panel-title">
                Workers
              </h2>
              <ul className="worker-list">
                {workerRows.map(({ worker, job }) => (
                  <li key={worker} className="worker-row" data-testid="worker-row" data-busy={job ? 'true' : 'false'}>
                    <span className={job ? 'state-dot state-running' : 'state-dot state-idle'} aria-hidden="true" />
                    <span className="worker-name">Worker {worker}</span>
                    <span className="worker-job">{job ? `trial ${job.trial}: ${paramsText(job.params)}` : 'idle'}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="panel" aria-labelledby="failures-title" data-testid="failures-panel">
              <h2 id="failures-title" className="panel-title">
                Failures {failures.length > 0 ? <span className="muted">({formatInteger(failures.length)})</span> : null}
              </h2>
              {failures.length === 0 ? (
                <p className="muted">No trial has failed.</p>
              ) : (
                <ul className="failure-list">
                  {failures.slice(-50).map((t) => (
                    <li key={t.number}>
                      <button type="button" className="link-button" onClick={() => openTrial(t)}>
                        Trial {t.number}
                      </button>{' '}
                      <span className="failure-reason">{t.failReason ?? 'no reason given'}</span> <span className="muted">({paramsText(t.params)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          {trialsTable}
          {profile}
        </>
      ) : null}
      {tab === 'parameters' ? (
        <ParametersTab summary={summary} trials={trials} dims={dims} objectives={objectives} filter={filter} onFilterChange={setFilter} focusTrial={selectedTrial?.number ?? null}>
          {trialsTable}
          {profile}
        </ParametersTab>
      ) : null}
      {tab === 'robustness' ? <RobustnessTab study={summary} /> : null}
    </div>
  );
}
