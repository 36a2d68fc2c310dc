// One walk-forward run: its progress while it runs, then the walk-forward chart (stitched out-of-sample equity
// over the window timeline), in- against out-of-sample per window, parameter drift, and the windows table.
import { useMemo, useState } from 'react';
import type { WalkForwardSummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { routeHref } from '../app/route';
import { PlotlyChart } from '../charts/PlotlyChart';
import { ErrorPanel } from '../components/ErrorPanel';
import { useDatasets } from '../datasets/useDatasets';
import { formatDateTime, formatTimestamp, isDailyOrCoarser } from '../format/formatDate';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { formatDecimal, formatInteger } from '../format/formatNumber';
import { formatPercent } from '../format/formatPercent';
import { useMetricDefinitions } from '../profile/useMetricDefinitions';
import { StatusBadge } from '../studies/StatusBadge';
import { useWalkForwardRun } from './useWalkForwardRun';
import { driftFigure, walkForwardFigure, windowBarsFigure } from './walkForwardFigures';
import './walkForward.css';

const WINDOW_STATUS_LABEL: Record<WalkForwardSummary['windows'][number]['status'], string> = {
  pending: 'Pending',
  running: 'Tuning',
  completed: 'Done',
  failed: 'Failed',
  stopped: 'Stopped',
};

function paramsText(params: Record<string, unknown> | null): string {
  return params ? Object.entries(params).map(([k, v]) => `${k}=${String(v)}`).join(' ') : '—';
}

export function WalkForwardRunPage({ id }: { id: string }) {
  const client = useClient();
  const { run, studyProgress, error, setRun, refresh } = useWalkForwardRun(id);
  const { datasets } = useDatasets();
  const { data: metrics } = useMetricDefinitions();
  const [stopping, setStopping] = useState(false);
  const [actionError, setActionError] = useState<DisplayError | null>(null);

  const dataset = run ? datasets?.find((d) => d.id === run.datasetId) : undefined;
  const frequencySeconds = dataset?.frequency.seconds ?? 86_400;
  const daily = isDailyOrCoarser(frequencySeconds);
  const objectiveLabel = run ? (metrics?.find((m) => m.id === run.objective.metric)?.label ?? run.objective.metric) : '';
  const chart = useMemo(() => (run ? walkForwardFigure(run, daily) : null), [run, daily]);
  const bars = useMemo(() => (run ? windowBarsFigure(run, objectiveLabel) : null), [run, objectiveLabel]);
  const drift = useMemo(() => (run ? driftFigure(run) : null), [run]);

  if (!run) {
    return (
      <div className="page" data-testid="walk-forward-page">
        {error ? <ErrorPanel title="Could not load the walk-forward run" error={error} /> : <p className="muted">Loading walk-forward run…</p>}
      </div>
    );
  }

  const stop = () => {
    setStopping(true);
    setActionError(null);
    client.api.walkForward.stop({ id }).then(
      (next) => {
        setStopping(false);
        setRun(next);
        refresh();
      },
      (err: unknown) => {
        setStopping(false);
        setActionError(toDisplayError(err));
      },
    );
  };

  const r = run.request;
  const current = run.windows.find((w) => w.status === 'running');
  const m = run.stitched?.metrics;
  const when = (ms: number) => formatTimestamp(ms, frequencySeconds);
  const doneWindows = run.windows.filter((w) => w.inSamplePerformance && w.outOfSamplePerformance).length;

  return (
    <div className="page wf-page" data-testid="walk-forward-page" data-run-id={id} data-status={run.status}>
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <a href={routeHref({ page: 'walk-forwards' })}>Walk-forward</a> /
          </p>
          <div className="study-title-row">
            <h1>{run.name}</h1>
            <StatusBadge status={run.status} />
          </div>
          <p className="muted study-meta">
            <code>{run.strategy}</code> on {run.datasetName ?? run.datasetId} · {r.mode} windows: {formatInteger(r.inSampleBars)} bars in sample, {formatInteger(r.outOfSampleBars)} out of sample, step{' '}
            {formatInteger(run.stepBars)}, purge {formatInteger(r.purgeBars)}, embargo {formatInteger(r.embargoBars)} · {r.sampler.toUpperCase()}, {formatInteger(r.trialsPerWindow)} trials per window · {run.objective.direction === 'maximize' ? 'max' : 'min'}{' '}
            {objectiveLabel} · {r.selection === 'peak' ? 'peak' : 'robust'} parameters tested · created {formatDateTime(run.createdAt)}
          </p>
        </div>
        {run.status === 'running' ? (
          <button type="button" className="button" onClick={stop} disabled={stopping} data-testid="wf-stop">
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        ) : null}
      </header>
      {actionError ? <ErrorPanel title="Could not stop the run" error={actionError} /> : null}
      {run.error ? <ErrorPanel title="The walk-forward failed" error={{ code: 'INTERNAL', message: run.error }} testId="wf-error" /> : null}

      {run.status === 'running' ? (
        <section className="panel wf-progress" data-testid="wf-progress">
          <div className="wf-progress-bar" aria-hidden="true">
            <span style={{ width: `${(run.completedWindows / run.windows.length) * 100}%` }} />
          </div>
          <p>
            {run.completedWindows} of {run.windows.length} windows done.
            {current ? (
              <>
                {' '}
                Window {current.index + 1}:{' '}
                {current.studyId ? (
                  <a href={routeHref({ page: 'study', id: current.studyId })} data-testid="wf-current-study">
                    tuning on bars {formatInteger(current.inSample.fromBar)}–{formatInteger(current.inSample.toBar - 1)}
                  </a>
                ) : (
                  'starting'
                )}
                {studyProgress ? ` · ${studyProgress.counts.complete + studyProgress.counts.failed} of ${formatInteger(r.trialsPerWindow)} trials` : ''}
              </>
            ) : null}
          </p>
        </section>
      ) : null}

      <dl className="key-figures" data-testid="wf-key-figures">
        <div className="key-figure" title="Walk-forward efficiency (Pardo): mean out-of-sample CAGR over mean in-sample CAGR. Below about 0.5 suggests overfitting.">
          <dt>Walk-forward efficiency</dt>
          <dd data-testid="wf-efficiency" className={run.efficiency !== null && run.efficiency < 0.5 ? 'wf-warn' : undefined}>
            {formatDecimal(run.efficiency, 2)}
          </dd>
        </div>
        <div className="key-figure">
          <dt>OOS total return</dt>
          <dd>{formatPercent(m?.total_return ?? null, 1)}</dd>
        </div>
        <div className="key-figure">
          <dt>OOS CAGR</dt>
          <dd>{formatPercent(m?.cagr ?? null, 1)}</dd>
        </div>
        <div className="key-figure">
          <dt>OOS Sharpe</dt>
          <dd>{formatDecimal(m?.sharpe ?? null, 2)}</dd>
        </div>
        <div className="key-figure">
          <dt>OOS max drawdown</dt>
          <dd>{formatPercent(m?.max_drawdown ?? null, 1)}</dd>
        </div>
        <div className="key-figure">
          <dt>Bars tested</dt>
          <dd>{run.stitched ? formatInteger(run.stitched.bars) : '—'}</dd>
        </div>
        <div className="key-figure">
          <dt>Windows</dt>
          <dd>
            {run.completedWindows} / {run.windows.length}
          </dd>
        </div>
      </dl>

      <section className="panel chart-panel" aria-labelledby="wf-chart-title">
        <div className="panel-header">
          <h2 id="wf-chart-title" className="panel-title">
            Walk-forward chart
          </h2>
          <span className="muted chart-decimation">
            {run.stitched ? `${formatInteger(run.stitched.bars)} out-of-sample bars${run.stitched.decimated ? `, ${formatInteger(run.stitched.equity.length)} points drawn` : ''}` : 'the stitched curve appears when every window is done'}
          </span>
        </div>
        {chart ? <PlotlyChart data={chart.data} layout={chart.layout} className="wf-chart" ariaLabel="Stitched out-of-sample equity above the timeline of in-sample and out-of-sample windows" testId="wf-chart" /> : null}
        <p className="muted chart-hint">
          Equity compounds from one test to the next; shaded bands are the windows' out-of-sample parts. Each test starts with the strategy's indicators warmed up on the
          window's in-sample bars, which are history only there, never scored. Below, each window's in-sample bars (blue) and the bars its choice was tested on (green).
        </p>
      </section>

      {doneWindows > 0 ? (
        <div className="profile-pair">
          <section className="panel chart-panel" aria-labelledby="wf-bars-title">
            <h2 id="wf-bars-title" className="panel-title">
              {objectiveLabel}: in sample against out of sample
            </h2>
            {bars ? <PlotlyChart data={bars.data} layout={bars.layout} className="wf-small-chart" ariaLabel={`${objectiveLabel} in sample and out of sample per window`} testId="wf-window-bars" /> : null}
          </section>
          <section className="panel chart-panel" aria-labelledby="wf-drift-title">
            <h2 id="wf-drift-title" className="panel-title">
              Parameter drift
            </h2>
            {drift ? <PlotlyChart data={drift.data} layout={drift.layout} className="wf-small-chart" ariaLabel="Chosen value of each numeric parameter per window" testId="wf-drift" /> : <p className="muted">No numeric parameter was tuned.</p>}
          </section>
        </div>
      ) : null}

      <section className="panel" aria-labelledby="wf-windows-table-title">
        <h2 id="wf-windows-table-title" className="panel-title">
          Windows
        </h2>
        <div className="table-frame">
          <table className="data-table wf-windows-table" data-testid="wf-windows-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">In sample</th>
                <th scope="col">Out of sample</th>
                <th scope="col">Chosen parameters</th>
                <th scope="col" className="numeric">
                  IS {objectiveLabel}
                </th>
                <th scope="col" className="numeric">
                  OOS {objectiveLabel}
                </th>
                <th scope="col" className="numeric">
                  IS CAGR
                </th>
                <th scope="col" className="numeric">
                  OOS CAGR
                </th>
                <th scope="col" className="numeric">
                  WFE
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {run.windows.map((w) => (
                <tr key={w.index} data-testid="wf-window-row" data-status={w.status}>
                  <td>{w.index + 1}</td>
                  <td>
                    {when(w.inSample.fromTime)} → {when(w.inSample.toTime)}
                    <div className="muted wf-bars">
                      bars {formatInteger(w.inSample.fromBar)}–{formatInteger(w.inSample.toBar - 1)}
                    </div>
                  </td>
                  <td>
                    {when(w.outOfSample.fromTime)} → {when(w.outOfSample.toTime)}
                    <div className="muted wf-bars">
                      bars {formatInteger(w.outOfSample.fromBar)}–{formatInteger(w.outOfSample.toBar - 1)}
                    </div>
                  </td>
                  <td>
                    <code className="wf-params">{paramsText(w.params)}</code>
                    {w.studyId ? (
                      <div className="wf-bars">
                        <a href={routeHref({ page: 'study', id: w.studyId })}>study{w.trialNumber !== null ? `, trial ${w.trialNumber}` : ''}</a>
                      </div>
                    ) : null}
                  </td>
                  <td className="numeric">{formatDecimal(w.inSamplePerformance?.objective ?? null, 3)}</td>
                  <td className="numeric">{formatDecimal(w.outOfSamplePerformance?.objective ?? null, 3)}</td>
                  <td className="numeric">{formatPercent(w.inSamplePerformance?.cagr ?? null, 1)}</td>
                  <td className="numeric">{formatPercent(w.outOfSamplePerformance?.cagr ?? null, 1)}</td>
                  <td className="numeric">{formatDecimal(w.efficiency, 2)}</td>
                  <td>
                    <span className={`wf-window-status wf-window-${w.status}`}>{WINDOW_STATUS_LABEL[w.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {run.drift.length > 0 ? (
          <table className="data-table wf-drift-table" data-testid="wf-drift-table">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Chosen per window</th>
                <th scope="col" className="numeric">
                  Mean
                </th>
                <th scope="col" className="numeric" title="Coefficient of variation: standard deviation over |mean|. Near 0: stable; large: the optimum wanders.">
                  CV
                </th>
              </tr>
            </thead>
            <tbody>
              {run.drift.map((d) => (
                <tr key={d.name}>
                  <td>
                    <code>{d.name}</code>
                  </td>
                  <td className="wf-drift-values">{d.values.map((v) => (v === null ? '—' : String(v))).join(' · ')}</td>
                  <td className="numeric">{d.numeric ? formatDecimal(d.mean, 2) : '—'}</td>
                  <td className="numeric">{d.numeric ? formatDecimal(d.coefficientOfVariation, 2) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
