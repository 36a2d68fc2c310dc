// What a tuning form tunes, shared by the New study and New walk-forward forms: the dataset and strategy picked
// from their lists, the strategy's search-space draft (kept per strategy, so switching back keeps the edits), the
// costs draft (fills at close on close-only data), and the sampler and objective choices both forms offer.
import { useMemo, useState } from 'react';
import type { MetricInfo } from '../../../shared';
import { defaultConfigDraft, type ConfigDraft } from '../backtest/configDraft';
import { useStrategies } from '../backtest/useStrategies';
import { useDatasets } from '../datasets/useDatasets';
import type { DisplayError } from '../format/formatError';
import { useMetricDefinitions } from '../profile/useMetricDefinitions';
import { checkSpace, defaultSpaceDraft, type ParamSpaceDraft, type SpaceDraft } from './spaceDraft';

export type Direction = 'maximize' | 'minimize';

export const SAMPLER_OPTIONS = [
  { value: 'tpe', label: 'TPE (tree-structured Parzen estimator)' },
  { value: 'gp', label: 'Gaussian process (Bayesian)' },
  { value: 'random', label: 'Random' },
  { value: 'sobol', label: 'Sobol (quasi-random)' },
] as const;
export type SamplerChoice = (typeof SAMPLER_OPTIONS)[number]['value'];

/** The metric's own direction (Sharpe up, drawdown down), maximise when it is not known yet. */
export function directionOf(metric: string, definitions: MetricInfo[] | null): Direction {
  return definitions?.find((m) => m.id === metric)?.direction ?? 'maximize';
}

/** Select options for the objective pickers, Sharpe alone until the definitions arrive. */
export function metricOptions(definitions: MetricInfo[] | null): { value: string; label: string }[] {
  const list = definitions ?? [{ id: 'sharpe', label: 'Sharpe ratio', unit: '' }];
  return list.map((m) => ({ value: m.id, label: m.unit ? `${m.label} (${m.unit})` : m.label }));
}

export function useTuningTarget() {
  const { datasets, error: datasetsError } = useDatasets();
  const { data: strategies, error: strategiesError } = useStrategies();
  const { data: metrics, error: metricsError } = useMetricDefinitions();
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [strategyName, setStrategyName] = useState<string | null>(null);
  const [spaces, setSpaces] = useState<Record<string, SpaceDraft>>({});
  const [config, setConfig] = useState<ConfigDraft>(defaultConfigDraft);

  const dataset = datasets?.find((d) => d.id === datasetId) ?? datasets?.[0] ?? null;
  const strategy = strategies?.find((s) => s.name === strategyName) ?? strategies?.[0] ?? null;
  const spaceDraft = useMemo(() => (strategy ? (spaces[strategy.name] ?? defaultSpaceDraft(strategy)) : {}), [strategy, spaces]);
  const space = useMemo(() => (strategy ? checkSpace(strategy, spaceDraft) : null), [strategy, spaceDraft]);
  const closeOnly = dataset !== null && !dataset.columns.includes('open');
  const configDraft = closeOnly && config.fill === 'nextOpen' ? { ...config, fill: 'close' as const } : config;
  const lacking = dataset && strategy ? strategy.requires.filter((c) => !dataset.columns.includes(c)) : [];
  const datasetError = lacking.length > 0 ? `${strategy!.label} needs the ${lacking.join(', ')} column(s), which this dataset does not have.` : null;
  const loadErrors: { title: string; error: DisplayError }[] = [
    ...(datasetsError ? [{ title: 'Could not list the datasets', error: datasetsError }] : []),
    ...(strategiesError ? [{ title: 'Could not list the strategies', error: strategiesError }] : []),
    ...(metricsError ? [{ title: 'Could not list the metrics', error: metricsError }] : []),
  ];

  return {
    datasets,
    strategies,
    metrics,
    loadErrors,
    dataset,
    strategy,
    setDatasetId,
    setStrategyName,
    spaceDraft,
    /** The draft checked against the strategy's declaration: overrides, errors by field, parameters searched. */
    space,
    setSpaceParam: (param: string, draft: ParamSpaceDraft) => {
      if (strategy) setSpaces((prev) => ({ ...prev, [strategy.name]: { ...(prev[strategy.name] ?? defaultSpaceDraft(strategy)), [param]: draft } }));
    },
    resetSpace: () => {
      if (strategy) setSpaces((prev) => ({ ...prev, [strategy.name]: defaultSpaceDraft(strategy) }));
    },
    configDraft,
    setConfig,
    /** Why the strategy cannot run on the dataset (a missing column), or null. */
    datasetError,
  };
}
