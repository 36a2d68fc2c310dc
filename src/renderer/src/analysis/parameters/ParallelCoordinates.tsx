import type { PlotlyHTMLElement, PlotlyLayout } from 'plotly.js-strict-dist-min';
import { useCallback, useMemo } from 'react';
import type { StudyTrial } from '../../../../shared';
import { AnalysisChart } from './AnalysisChart';
import type { ParamDimension } from './paramDimensions';
import { parallelFigure, type ParallelObjective } from './parallelFigure';
import { parseConstraintRange, type TrialFilter } from './trialFilter';

interface ParallelCoordinatesProps {
  trials: StudyTrial[];
  dims: ParamDimension[];
  objective: ParallelObjective;
  filter: TrialFilter;
  onFilterChange: (filter: TrialFilter) => void;
}

const LAYOUT = { margin: { l: 72, r: 72, t: 56, b: 24 } } as PlotlyLayout;

/** Every complete trial as a line across the parameters and the objective; brushing an axis filters the trials. */
export function ParallelCoordinates({ trials, dims, objective, filter, onFilterChange }: ParallelCoordinatesProps) {
  const figure = useMemo(() => parallelFigure(trials, dims, objective, filter), [trials, dims, objective, filter]);
  // plotly writes the brushed ranges into the element's data before it emits plotly_restyle, so read them all there.
  const onRestyle = useCallback(
    (_event: unknown, gd: PlotlyHTMLElement) => {
      const dimensions = (gd.data?.[0]?.dimensions ?? []) as { constraintrange?: unknown }[];
      const next: Record<string, [number, number][]> = {};
      figure.keys.forEach((key, i) => {
        const ranges = parseConstraintRange(dimensions[i]?.constraintrange);
        if (ranges.length > 0) next[key] = ranges;
      });
      onFilterChange(next);
    },
    [figure.keys, onFilterChange],
  );
  return (
    <div data-testid="parallel-coordinates-frame" data-lines={figure.lines}>
      <AnalysisChart
        data={figure.data}
        layout={LAYOUT}
        height={400}
        ariaLabel={`Parallel coordinates: each complete trial as a line through its parameter values and ${objective.label}, coloured by ${objective.label}`}
        testId="parallel-coordinates"
        onRestyle={onRestyle}
      />
    </div>
  );
}
