// The parallel-coordinates figure: one axis per tuned parameter and one for the objective, one line per complete
// trial coloured by its objective; the current filter is drawn as each axis's constraint range (the brush).
import type { PlotlyData } from 'plotly.js-strict-dist-min';
import type { StudyTrial } from '../../../../shared';
import { dimensionTicks, encodeParam, type ParamDimension } from './paramDimensions';
import { OBJECTIVE_KEY, type TrialFilter } from './trialFilter';

export interface ParallelObjective {
  label: string;
  direction: 'maximize' | 'minimize';
}

/** Low to high objective; the better end is always the warm one, whatever the direction. */
const COLORSCALE = [
  [0, '#3b4cc0'],
  [0.5, '#dddddd'],
  [1, '#d2463c'],
];

/** The figure's trace, and the dimension keys in axis order (to map a brushed axis index back to a filter key). */
export function parallelFigure(
  trials: readonly StudyTrial[],
  dims: readonly ParamDimension[],
  objective: ParallelObjective,
  filter: TrialFilter,
): { data: PlotlyData[]; keys: string[]; lines: number } {
  const rows = trials.filter((t) => t.state === 'complete' && t.values && Number.isFinite(t.values[0]));
  const dimensions: Record<string, unknown>[] = [];
  const keys: string[] = [];
  for (const dim of dims) {
    const values = rows.map((t) => encodeParam(dim, t.params[dim.name]) ?? Number.NaN);
    const ticks = dimensionTicks(
      dim,
      values.filter((v) => Number.isFinite(v)),
    );
    const range =
      dim.kind === 'category'
        ? [-0.25, dim.choices.length - 0.75]
        : dim.low !== null && dim.high !== null
          ? dim.kind === 'log'
            ? [Math.log10(dim.low), Math.log10(dim.high)]
            : [dim.low, dim.high]
          : undefined;
    const constraint = filter[dim.name];
    dimensions.push({
      label: dim.kind === 'log' ? `${dim.name} (log)` : dim.name,
      values,
      ...(range ? { range } : {}),
      ...(ticks ?? {}),
      ...(constraint && constraint.length > 0 ? { constraintrange: constraint.length === 1 ? [...constraint[0]] : constraint.map((r) => [...r]) } : {}),
    });
    keys.push(dim.name);
  }
  const objectiveValues = rows.map((t) => t.values![0]);
  const objectiveConstraint = filter[OBJECTIVE_KEY];
  dimensions.push({
    label: objective.label,
    values: objectiveValues,
    ...(objectiveConstraint && objectiveConstraint.length > 0
      ? { constraintrange: objectiveConstraint.length === 1 ? [...objectiveConstraint[0]] : objectiveConstraint.map((r) => [...r]) }
      : {}),
  });
  keys.push(OBJECTIVE_KEY);
  return {
    keys,
    lines: rows.length,
    data: [
      {
        type: 'parcoords',
        dimensions,
        line: {
          color: objectiveValues,
          colorscale: COLORSCALE,
          reversescale: objective.direction === 'minimize',
          showscale: true,
          colorbar: { title: { text: objective.label, side: 'right' }, thickness: 12, len: 0.9 },
        },
        // Room on the right for the colour bar, clear of the objective axis's tick labels.
        domain: { x: [0, 0.92], y: [0, 1] },
        labelangle: 0,
        labelside: 'top',
        // Unselected lines stay faintly visible so the brushed ones read against the whole search.
        unselected: { line: { color: '#c9ced8', opacity: 0.25 } },
      },
    ],
  };
}
