// The study dashboard's Parameters tab: how the objective depends on the parameters. Parallel coordinates (whose
// brush filters the trials table), importance (fANOVA and GP length-scales), slices, partial dependence, the GP
// surface over two parameters (contour and 3-D), the Pareto front and the distribution of the objective.
import './parameters.css';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { StudySummary, StudyTrial } from '../../../../shared';
import { useClient } from '../../api/ClientContext';
import { pointCloudType } from '../../charts/webglSupport';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatInteger } from '../../format/formatNumber';
import { ParetoChart } from '../../studies/ParetoChart';
import { AnalysisChart } from './AnalysisChart';
import { AnalysisLoading } from './AnalysisLoading';
import { distributionFigure } from './distributionFigure';
import { importanceFigure } from './importanceFigure';
import { ParallelCoordinates } from './ParallelCoordinates';
import { numericDimensions, type ParamDimension } from './paramDimensions';
import { partialDependenceFigure } from './partialDependenceFigure';
import { ProvenanceNote } from './ProvenanceNote';
import { sliceFigure } from './sliceFigure';
import { SurfaceViews } from './SurfaceViews';
import type { TrialFilter } from './trialFilter';
import { useAnalysisRequest } from './useAnalysisRequest';

export interface TabObjective {
  metric: string;
  label: string;
  direction: 'maximize' | 'minimize';
}

interface ParametersTabProps {
  summary: StudySummary;
  trials: StudyTrial[];
  dims: ParamDimension[];
  objectives: TabObjective[];
  filter: TrialFilter;
  onFilterChange: (filter: TrialFilter) => void;
  /** The trial the GP surface holds the other parameters at (the one opened on the dashboard); null: the best. */
  focusTrial: number | null;
  /** The filter banner and the filtered trials table, shown right under the parallel coordinates. */
  children?: ReactNode;
}

export function ParametersTab({ summary, trials, dims, objectives, filter, onFilterChange, focusTrial, children }: ParametersTabProps) {
  const client = useClient();
  const objective = objectives[0];
  const complete = summary.counts.complete;
  const load = useCallback(() => client.api.analysis.parameters({ id: summary.id }), [client, summary.id]);
  const analysis = useAnalysisRequest(load);
  const report = analysis.data;
  const cloud = pointCloudType();

  const slices = useMemo(() => sliceFigure(trials, dims, objective.label, cloud), [trials, dims, objective.label, cloud]);
  const distribution = useMemo(() => distributionFigure(trials, objective), [trials, objective]);
  const importance = useMemo(() => (report && report.importance.length > 0 ? importanceFigure(report.importance) : null), [report]);
  const dependence = useMemo(
    () => (report && report.partialDependence.length > 0 ? partialDependenceFigure(report.partialDependence, dims, objective.label) : null),
    [report, dims, objective.label],
  );
  // The surface's default axes: the two most important numeric parameters once importance is known.
  const surfaceDims = useMemo(() => {
    const numeric = numericDimensions(dims);
    if (!report) return numeric;
    const rank = new Map(report.importance.map((r) => [r.param, r.fanova]));
    return [...numeric].sort((a, b) => (rank.get(b.name) ?? 0) - (rank.get(a.name) ?? 0));
  }, [dims, report]);
  const bestNumber = summary.best[0]?.number ?? null;
  const surfaceTrial = focusTrial ?? bestNumber;

  if (dims.length === 0 || !objective) {
    return <p className="muted">This study has no tuned parameters to analyse.</p>;
  }

  return (
    <div className="parameters-tab" data-testid="parameters-tab">
      <section className="panel" aria-labelledby="parallel-title">
        <div className="panel-header">
          <h2 id="parallel-title" className="panel-title">
            Parallel coordinates
          </h2>
          <span className="chart-decimation">
            {formatInteger(complete)} complete trials, coloured by {objective.label} · drag along an axis to filter the trials below; click a range to remove it
          </span>
        </div>
        {cloud === 'scattergl' ? (
          <ParallelCoordinates trials={trials} dims={dims} objective={objective} filter={filter} onFilterChange={onFilterChange} />
        ) : (
          <p className="muted chart-note" data-testid="parallel-coordinates-unavailable">
            WebGL is not available here, and plotly draws parallel coordinates only with WebGL; filter the trials with the table's state and parameter-range filters instead.
          </p>
        )}
      </section>

      {children}

      <section className="panel" aria-labelledby="importance-title" data-testid="importance-panel">
        <div className="panel-header">
          <h2 id="importance-title" className="panel-title">
            Parameter importance
          </h2>
        </div>
        <p className="analysis-explainer">
          <strong>fANOVA</strong> is the share of {objective.label}'s variance that each parameter explains on its own, from a random forest fitted to the trials; the{' '}
          <strong>GP relevance</strong> is 1 / the Gaussian process's length-scale for the parameter, normalised, so a parameter along which the fitted objective changes quickly scores high.
        </p>
        {analysis.loading ? (
          <AnalysisLoading
            what={`Computing parameter importance (fANOVA over a random forest, the GP's length-scales) and partial dependence from ${formatInteger(complete)} complete trials…`}
            elapsedSec={analysis.elapsedSec}
            testId="parameters-loading"
          />
        ) : null}
        {analysis.error ? <ErrorPanel title="Could not analyse the parameters" error={analysis.error} testId="parameters-error" /> : null}
        {importance ? (
          <AnalysisChart data={importance.data} layout={importance.layout} height={importance.height} ariaLabel="Parameter importance: fANOVA variance share and GP relevance per parameter" testId="importance-chart" />
        ) : null}
        {report ? (
          <>
            {report.notes.length > 0 ? (
              <ul className="analysis-notes" data-testid="parameters-notes">
                {report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            <ProvenanceNote provenance={report.provenance} completeTrials={complete} onRecompute={analysis.reload} busy={analysis.loading} testId="parameters-provenance" />
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="slices-title">
        <div className="panel-header">
          <h2 id="slices-title" className="panel-title">
            Slices
          </h2>
          <span className="chart-decimation">{objective.label} of every complete trial against each parameter; darker is later</span>
        </div>
        <AnalysisChart data={slices.data} layout={slices.layout} height={slices.height} ariaLabel={`Slice plots: ${objective.label} against each parameter`} testId="slice-chart" />
      </section>

      <section className="panel" aria-labelledby="dependence-title">
        <div className="panel-header">
          <h2 id="dependence-title" className="panel-title">
            Partial dependence
          </h2>
          <span className="chart-decimation">The GP's mean {objective.label} along each parameter, averaged over the others, ±1 sd</span>
        </div>
        {dependence ? (
          <AnalysisChart data={dependence.data} layout={dependence.layout} height={dependence.height} ariaLabel={`Partial dependence of ${objective.label} on each parameter`} testId="dependence-chart" />
        ) : analysis.loading ? (
          <AnalysisLoading what="Averaging the GP's posterior mean over the other parameters…" elapsedSec={analysis.elapsedSec} />
        ) : report ? (
          <p className="muted">No numeric parameter to draw.</p>
        ) : null}
      </section>

      {/* Mounted once importance is known (or has failed), so its default axes are the two most important parameters. */}
      {surfaceDims.length >= 2 && (report || analysis.error) ? (
        <SurfaceViews
          key={surfaceDims.slice(0, 2).map((d) => d.name).join('|')}
          studyId={summary.id}
          dims={surfaceDims}
          objectiveLabel={objective.label}
          trial={focusTrial}
          completeTrials={complete}
          trialLabel={surfaceTrial === null ? 'the best trial' : focusTrial !== null ? `trial ${surfaceTrial}` : `the best trial (${surfaceTrial})`}
        />
      ) : surfaceDims.length >= 2 ? (
        <section className="panel" aria-label="GP posterior mean over two parameters">
          <h2 className="panel-title">GP posterior mean over two parameters</h2>
          <AnalysisLoading what="Waiting for the importance ranking to pick the two most important parameters…" elapsedSec={analysis.elapsedSec} />
        </section>
      ) : null}

      {objectives.length >= 2 ? (
        <section className="panel" aria-labelledby="parameters-pareto-title">
          <div className="panel-header">
            <h2 id="parameters-pareto-title" className="panel-title">
              Pareto front
            </h2>
            <span className="chart-decimation">
              {objectives[0].label} against {objectives[1].label}; the non-dominated trials joined
            </span>
          </div>
          <ParetoChart trials={trials} objectives={objectives} studyId={summary.id} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="distribution-title">
        <div className="panel-header">
          <h2 id="distribution-title" className="panel-title">
            Distribution of {objective.label}
          </h2>
          <span className="chart-decimation">{formatInteger(distribution.count)} complete trials: histogram and empirical CDF; the dotted line is the best</span>
        </div>
        <AnalysisChart data={distribution.data} layout={distribution.layout} height={300} ariaLabel={`Distribution of ${objective.label} over the complete trials`} testId="distribution-chart" />
      </section>
    </div>
  );
}
