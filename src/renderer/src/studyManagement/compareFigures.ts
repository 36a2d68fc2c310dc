// Figures of the compare page, from each study's trials: the best-so-far history of one metric (overlaid), and the
// distribution of a parameter's (or the metric's) values over each study's completed trials (box plots).
import type { PlotlyData } from 'plotly.js-strict-dist-min';
import type { StudySummary, StudyTrial } from '../../../shared';

/** Distinct on white, in the order studies are listed (Okabe & Ito's colour-blind-safe palette). */
export const STUDY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export interface ComparedStudy {
  summary: StudySummary;
  trials: StudyTrial[];
  /** Tuned parameter names, in the study's order. */
  params: string[];
  /** Parameters the study searched on a log scale. */
  logParams: string[];
}

/** The metric's value of a completed trial: its metrics entry, so studies with other objectives still compare. */
export function metricValue(t: StudyTrial, metric: string): number | null {
  if (t.state !== 'complete') return null;
  const v = t.metrics?.[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function bestOf(trials: StudyTrial[], metric: string, direction: 'maximize' | 'minimize'): { trial: StudyTrial; value: number } | null {
  let best: { trial: StudyTrial; value: number } | null = null;
  for (const t of trials) {
    const v = metricValue(t, metric);
    if (v === null) continue;
    if (best === null || (direction === 'maximize' ? v > best.value : v < best.value)) best = { trial: t, value: v };
  }
  return best;
}

export function historyTraces(studies: ComparedStudy[], metric: string, direction: 'maximize' | 'minimize'): PlotlyData[] {
  return studies.map((s, i) => {
    const x: number[] = [];
    const y: number[] = [];
    let best: number | null = null;
    for (const t of s.trials) {
      const v = metricValue(t, metric);
      if (v === null) continue;
      if (best === null || (direction === 'maximize' ? v > best : v < best)) best = v;
      x.push(t.number);
      y.push(best);
    }
    return {
      type: 'scatter',
      mode: 'lines',
      name: s.summary.name,
      x,
      y,
      line: { color: STUDY_COLOURS[i % STUDY_COLOURS.length], width: 2, shape: 'hv' },
      hovertemplate: `${escapeHover(s.summary.name)}<br>best after trial %{x}: %{y:.4f}<extra></extra>`,
    } as PlotlyData;
  });
}

/** One box per study over its completed trials' values of `pick` (a parameter or the metric); strings are skipped. */
export function distributionTraces(studies: ComparedStudy[], pick: (t: StudyTrial) => number | null): PlotlyData[] {
  return studies.map((s, i) => {
    const y: number[] = [];
    for (const t of s.trials) {
      if (t.state !== 'complete') continue;
      const v = pick(t);
      if (v !== null && Number.isFinite(v)) y.push(v);
    }
    const colour = STUDY_COLOURS[i % STUDY_COLOURS.length];
    return {
      type: 'box',
      name: shortName(s.summary.name),
      y,
      boxpoints: y.length <= 400 ? 'all' : 'outliers',
      jitter: 0.4,
      pointpos: 0,
      marker: { color: colour, size: 3, opacity: 0.55 },
      line: { color: colour, width: 1.5 },
      fillcolor: 'rgba(0,0,0,0)',
      hovertemplate: `${escapeHover(s.summary.name)}<br>%{y}<extra></extra>`,
    } as PlotlyData;
  });
}

export function numericParam(t: StudyTrial, name: string): number | null {
  const v = t.params[name];
  return typeof v === 'number' ? v : null;
}

function shortName(name: string): string {
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

function escapeHover(text: string): string {
  return text.replace(/[<>&%]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '%': '%%' })[c] ?? c);
}
