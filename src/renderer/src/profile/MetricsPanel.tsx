import type { MetricInfo } from '../../../shared';
import { describeError, type DisplayError } from '../format/formatError';
import { formatMetric } from './formatMetric';
import { groupMetrics } from './metricGroups';

interface MetricsPanelProps {
  values: Record<string, number | null>;
  definitions: MetricInfo[] | null;
  definitionsError: DisplayError | null;
}

/** Stand-ins while (or if) the definitions cannot be had: every reported metric, by id, as a plain number. */
function fallbackDefinitions(values: Record<string, number | null>): MetricInfo[] {
  return Object.keys(values).map((id) => ({ id, label: id, unit: '', direction: 'maximize', group: 'metrics', description: '' }));
}

/** Every metric of the run, grouped as the registry groups them and formatted by unit. */
export function MetricsPanel({ values, definitions, definitionsError }: MetricsPanelProps) {
  const known = definitions ?? fallbackDefinitions(values);
  const extra = definitions ? Object.keys(values).filter((id) => !definitions.some((d) => d.id === id)) : [];
  const groups = groupMetrics([...known, ...fallbackDefinitions(Object.fromEntries(extra.map((id) => [id, values[id]])))]);

  return (
    <section className="panel" aria-labelledby="metrics-title" data-testid="metrics-panel">
      <h2 id="metrics-title" className="panel-title">
        Metrics
      </h2>
      {definitionsError ? <p className="form-error">Metric definitions are unavailable ({describeError(definitionsError)}); values are shown by id.</p> : null}
      <div className="metrics-grid">
        {groups.map((group) => (
          <div key={group.id} className="metrics-group">
            <h3 className="subsection-title">{group.title}</h3>
            <dl className="metric-list">
              {group.metrics.map((m) => (
                <div key={m.id} className="metric-row" title={m.description || undefined}>
                  <dt>{m.label}</dt>
                  <dd className="numeric" data-testid={`metric-${m.id}`} data-value={values[m.id] ?? ''}>
                    {formatMetric(values[m.id], m.unit)}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
