import { useEffect, useMemo, useState } from 'react';
import type { PlotlyLayout } from 'plotly.js-strict-dist-min';
import { useClient } from '../api/ClientContext';
import { routeHref } from '../app/route';
import { PlotlyChart } from '../charts/PlotlyChart';
import { ErrorPanel } from '../components/ErrorPanel';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { formatDecimal, formatInteger } from '../format/formatNumber';
import { useMetricDefinitions } from '../profile/useMetricDefinitions';
import { axisStyle, baseLayout, topLegend } from '../profile/figures/baseLayout';
import { StatusBadge } from '../studies/StatusBadge';
import { STUDY_COLOURS, bestOf, distributionTraces, historyTraces, metricValue, numericParam, type ComparedStudy } from './compareFigures';

function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? formatDecimal(v, 4) : String(v)}`)
    .join(', ');
}

/**
 * Two or more studies side by side, on one metric (the first study's first objective unless another is chosen): the
 * best-so-far histories overlaid, the best trial of each, and each parameter's distribution over each study's
 * completed trials. Values come from every trial's metrics, so studies tuned for other objectives still compare.
 */
export function CompareStudiesPage({ ids }: { ids: string[] }) {
  const client = useClient();
  const { data: definitions } = useMetricDefinitions();
  const [studies, setStudies] = useState<ComparedStudy[] | null>(null);
  const [error, setError] = useState<DisplayError | null>(null);
  const [metricChoice, setMetricChoice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all(
      ids.map(async (id) => {
        const [detail, trials] = await Promise.all([client.api.studies.get({ id }), client.api.studies.trials({ id })]);
        return {
          summary: detail.summary,
          trials,
          params: detail.spec.space.map((p) => String(p.name)),
          logParams: detail.spec.space.filter((p) => p.log === true).map((p) => String(p.name)),
        };
      }),
    ).then(
      (loaded) => live && setStudies(loaded),
      (err: unknown) => live && setError(toDisplayError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, ids]);

  const first = studies?.[0]?.summary.objectives[0];
  const metric = metricChoice ?? first?.metric ?? 'sharpe';
  const definition = definitions?.find((m) => m.id === metric);
  const direction = studies?.[0]?.summary.objectives.find((o) => o.metric === metric)?.direction ?? definition?.direction ?? 'maximize';
  const label = definition?.label ?? metric;
  const metricOptions = useMemo(() => {
    const seen = new Set<string>();
    for (const s of studies ?? []) for (const o of s.summary.objectives) seen.add(o.metric);
    for (const m of definitions ?? []) seen.add(m.id);
    return [...seen];
  }, [studies, definitions]);
  const paramNames = useMemo(() => {
    const names: string[] = [];
    for (const s of studies ?? []) for (const p of s.params) if (!names.includes(p)) names.push(p);
    return names.filter((n) => studies?.some((s) => s.trials.some((t) => numericParam(t, n) !== null)));
  }, [studies]);

  if (error) {
    return (
      <div className="page" data-testid="compare-page">
        <p className="breadcrumb">
          <a href={routeHref({ page: 'studies' })}>Studies</a> /
        </p>
        <ErrorPanel title="Could not load the studies to compare" error={error} />
      </div>
    );
  }
  if (!studies) {
    return (
      <div className="page" data-testid="compare-page">
        <p className="muted">Loading {ids.length} studies…</p>
      </div>
    );
  }

  const historyLayout = baseLayout({
    height: 320,
    margin: { l: 56, r: 16, t: 8, b: 40 },
    showlegend: true,
    legend: topLegend,
    hovermode: 'closest',
    xaxis: { title: { text: 'Trial' }, ...axisStyle },
    yaxis: { title: { text: `Best ${label} so far` }, ...axisStyle },
  } as PlotlyLayout);
  const boxLayout = (title: string, log = false) =>
    baseLayout({
      height: 240,
      margin: { l: 56, r: 8, t: 28, b: 48 },
      title: { text: title, font: { size: 13 }, x: 0, xanchor: 'left' },
      hovermode: 'closest',
      xaxis: { ...axisStyle },
      yaxis: { ...axisStyle, ...(log ? { type: 'log' } : {}) },
    } as PlotlyLayout);
  // A parameter every study searched on a log scale is drawn on one.
  const logScale = (name: string) => studies.every((s) => !s.params.includes(name) || s.logParams.includes(name));
  const complete = (s: ComparedStudy) => s.trials.filter((t) => metricValue(t, metric) !== null).length;

  return (
    <div className="page" data-testid="compare-page">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <a href={routeHref({ page: 'studies' })}>Studies</a> /
          </p>
          <h1>Compare {studies.length} studies</h1>
          <p className="muted">In-sample values of every completed trial; out-of-sample checks are on each study's Robustness tab.</p>
        </div>
        <div className="form-field" style={{ minWidth: 220 }}>
          <label htmlFor="compare-metric">Metric</label>
          <select id="compare-metric" className="input select" value={metric} onChange={(e) => setMetricChoice(e.target.value)} data-testid="compare-metric">
            {metricOptions.map((m) => (
              <option key={m} value={m}>
                {definitions?.find((d) => d.id === m)?.label ?? m}
              </option>
            ))}
          </select>
        </div>
      </header>

      <section className="panel" aria-labelledby="compare-best-title">
        <h2 id="compare-best-title" className="panel-title">
          Best {label} ({direction === 'maximize' ? 'highest' : 'lowest'})
        </h2>
        <div className="table-frame">
          <table className="data-table" data-testid="compare-best-table">
            <thead>
              <tr>
                <th scope="col">Study</th>
                <th scope="col">Status</th>
                <th scope="col">Strategy</th>
                <th scope="col">Sampler</th>
                <th scope="col" className="numeric">
                  Trials
                </th>
                <th scope="col" className="numeric">
                  Best {label}
                </th>
                <th scope="col">Best trial</th>
              </tr>
            </thead>
            <tbody>
              {studies.map((s, i) => {
                const best = bestOf(s.trials, metric, direction);
                return (
                  <tr key={s.summary.id} data-testid="compare-row">
                    <td>
                      <span className="compare-swatch" style={{ background: STUDY_COLOURS[i % STUDY_COLOURS.length] }} aria-hidden="true" />
                      <a href={routeHref({ page: 'study', id: s.summary.id })}>{s.summary.name}</a>
                    </td>
                    <td>
                      <StatusBadge status={s.summary.status} />
                    </td>
                    <td>
                      <code>{s.summary.strategy}</code>
                    </td>
                    <td>{s.summary.sampler.toUpperCase()}</td>
                    <td className="numeric">{formatInteger(complete(s))}</td>
                    <td className="numeric" data-testid="compare-best-value">
                      {best ? formatDecimal(best.value, 4) : '—'}
                    </td>
                    <td className="compare-best-trial">{best ? `#${best.trial.number}: ${paramsText(best.trial.params)}` : 'no completed trial'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="compare-history-title">
        <div className="panel-header">
          <h2 id="compare-history-title" className="panel-title">
            Optimisation histories
          </h2>
          <span className="chart-decimation">Best {label} so far against the trial number</span>
        </div>
        <PlotlyChart data={historyTraces(studies, metric, direction)} layout={historyLayout} ariaLabel={`Best ${label} so far per trial, one line per study`} testId="compare-history" />
      </section>

      <section className="panel" aria-labelledby="compare-dist-title">
        <div className="panel-header">
          <h2 id="compare-dist-title" className="panel-title">
            Distributions over completed trials
          </h2>
          <span className="chart-decimation">Box: quartiles and 1.5 IQR whiskers; dots: trials</span>
        </div>
        <div className="compare-grid" data-testid="compare-distributions">
          <PlotlyChart data={distributionTraces(studies, (t) => metricValue(t, metric))} layout={boxLayout(label)} ariaLabel={`${label} per study`} />
          {paramNames.map((name) => (
            <PlotlyChart key={name} data={distributionTraces(studies, (t) => numericParam(t, name))} layout={boxLayout(logScale(name) ? `${name} (log scale)` : name, logScale(name))} ariaLabel={`Values of ${name} per study`} />
          ))}
        </div>
      </section>
    </div>
  );
}
