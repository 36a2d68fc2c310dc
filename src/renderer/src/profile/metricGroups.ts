// Metric definitions in the sections the metrics panel shows, in the registry's order within each section.
import type { MetricInfo } from '../../../shared';

const GROUP_TITLES: Record<string, string> = {
  return: 'Returns',
  risk_adjusted: 'Risk-adjusted',
  risk: 'Risk',
  distribution: 'Distribution',
  trades: 'Trades',
  activity: 'Activity',
};

export interface MetricGroupView {
  id: string;
  title: string;
  metrics: MetricInfo[];
}

function titleOf(group: string): string {
  return GROUP_TITLES[group] ?? group.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** Known groups first in their usual order, then any others in order of first appearance. */
export function groupMetrics(definitions: readonly MetricInfo[]): MetricGroupView[] {
  const groups = new Map<string, MetricInfo[]>();
  for (const id of Object.keys(GROUP_TITLES)) groups.set(id, []);
  for (const m of definitions) {
    const list = groups.get(m.group);
    if (list) list.push(m);
    else groups.set(m.group, [m]);
  }
  return [...groups].filter(([, metrics]) => metrics.length > 0).map(([id, metrics]) => ({ id, title: titleOf(id), metrics }));
}
