import { useCallback, useMemo, useState } from 'react';
import type { SurfaceReport } from '../../../../shared';
import { useClient } from '../../api/ClientContext';
import { pointCloudType } from '../../charts/webglSupport';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDecimal } from '../../format/formatNumber';
import { AnalysisChart } from './AnalysisChart';
import { AnalysisLoading } from './AnalysisLoading';
import type { ParamDimension } from './paramDimensions';
import { ProvenanceNote } from './ProvenanceNote';
import { contourFigure, surface3dFigure } from './surfaceFigure';
import { useAnalysisRequest } from './useAnalysisRequest';

interface SurfaceViewsProps {
  studyId: string;
  /** Numeric parameters, most important first. */
  dims: ParamDimension[];
  objectiveLabel: string;
  /** The trial whose values hold the other parameters; null: the best trial. */
  trial: number | null;
  trialLabel: string;
  completeTrials: number;
}

const RESOLUTION = 60;

function fixedText(fixed: SurfaceReport['fixed'], x: string, y: string): string {
  const parts = Object.entries(fixed)
    .filter(([k]) => k !== x && k !== y)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? formatDecimal(v, 4) : String(v)}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** The GP posterior mean over two chosen parameters, as a contour and as a 3-D surface. */
export function SurfaceViews({ studyId, dims, objectiveLabel, trial, trialLabel, completeTrials }: SurfaceViewsProps) {
  const client = useClient();
  const [x, setX] = useState(dims[0]?.name ?? '');
  const [y, setY] = useState(dims[1]?.name ?? '');
  const valid = x !== '' && y !== '' && x !== y;
  const load = useCallback(
    () => client.api.analysis.surface({ id: studyId, x, y, resolution: RESOLUTION, ...(trial !== null ? { trial } : {}) }),
    [client, studyId, x, y, trial],
  );
  const surface = useAnalysisRequest(valid ? load : null);
  const cloud = pointCloudType();
  const report = surface.data && surface.data.x.param === x && surface.data.y.param === y ? surface.data : surface.loading ? null : surface.data;
  const contour = useMemo(() => (report ? contourFigure(report, objectiveLabel, cloud) : null), [report, objectiveLabel, cloud]);
  const surface3d = useMemo(() => (report && cloud === 'scattergl' ? surface3dFigure(report, objectiveLabel) : null), [report, objectiveLabel, cloud]);

  return (
    <section className="panel" aria-labelledby="surface-title" data-testid="surface-panel">
      <div className="panel-header">
        <h2 id="surface-title" className="panel-title">
          GP posterior mean over two parameters
        </h2>
        <div className="toolbar analysis-toolbar">
          <label className="toolbar-field">
            x
            <select className="input select input-compact" value={x} onChange={(e) => setX(e.target.value)} data-testid="surface-x">
              {dims.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar-field">
            y
            <select className="input select input-compact" value={y} onChange={(e) => setY(e.target.value)} data-testid="surface-y">
              {dims.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p className="muted analysis-explainer">
        The Gaussian process's predicted {objectiveLabel} on a {RESOLUTION}×{RESOLUTION} grid over the two parameters; every other parameter is held at its value in {trialLabel}
        {report ? ` (${fixedText(report.fixed, x, y)})` : ''}. Dots are the trials, projected onto the two parameters.
      </p>
      {!valid ? <p className="field-error">Choose two different parameters.</p> : null}
      {surface.loading ? <AnalysisLoading what={`Fitting the GP to the trials and evaluating its posterior mean over ${x} and ${y}…`} elapsedSec={surface.elapsedSec} testId="surface-loading" /> : null}
      {surface.error ? <ErrorPanel title={`Could not compute the GP surface over ${x} and ${y}`} error={surface.error} testId="surface-error" /> : null}
      {report && contour ? (
        <>
          <div className={surface3d ? 'analysis-pair' : undefined}>
            <AnalysisChart data={contour.data} layout={contour.layout} height={420} ariaLabel={`Contour of the GP posterior mean of ${objectiveLabel} over ${x} and ${y}`} testId="surface-contour" />
            {surface3d ? (
              <AnalysisChart data={surface3d.data} layout={surface3d.layout} height={420} ariaLabel={`3-D surface of the GP posterior mean of ${objectiveLabel} over ${x} and ${y}`} testId="surface-3d" />
            ) : null}
          </div>
          {cloud !== 'scattergl' ? <p className="muted chart-note">WebGL is not available here, so the 3-D surface cannot be drawn; the contour shows the same grid.</p> : null}
          <ProvenanceNote provenance={report.provenance} completeTrials={completeTrials} onRecompute={surface.reload} busy={surface.loading} testId="surface-provenance" />
        </>
      ) : null}
    </section>
  );
}
