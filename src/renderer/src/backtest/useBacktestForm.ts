// The Backtest page's form: which dataset and strategy, the parameter and settings drafts, and everything derived
// from them (the request to send, or the message for each field that stops it from being sent).
import { useMemo, useState } from 'react';
import type { BacktestConfigInput, DatasetSummary, ParamValues, StrategyInfo } from '../../../shared';
import type { BacktestMemory } from './backtestMemory';
import { checkConstraint, type ConstraintCheck } from './constraints';
import { defaultConfigDraft, toBacktestConfig, type ConfigDraft, type FieldErrors } from './configDraft';
import { draftFor, readParam, type ParamDraft } from './paramDraft';

/** What backtests.run is sent: every parameter and setting as the form produced them. */
export interface BacktestRequestInput {
  datasetId: string;
  strategy: string;
  params: ParamValues;
  config: BacktestConfigInput;
}

export interface BacktestForm {
  dataset: DatasetSummary | null;
  strategy: StrategyInfo | null;
  /** A dataset or strategy named by the link (or remembered) that no longer exists. */
  missing: { dataset: string | null; strategy: string | null };
  paramDraft: ParamDraft;
  config: ConfigDraft;
  /** Request path ("params.fast", "config.slippageBps") → message. */
  errors: FieldErrors;
  /** Problems that belong to no single field (missing columns). */
  problems: string[];
  constraints: ConstraintCheck[];
  request: BacktestRequestInput | null;
  setDataset: (id: string) => void;
  setStrategy: (name: string) => void;
  setParam: (name: string, text: string) => void;
  resetParams: () => void;
  setConfig: (update: (draft: ConfigDraft) => ConfigDraft) => void;
  /** Everything the memory needs except the results. */
  snapshot: Pick<BacktestMemory, 'datasetId' | 'strategy' | 'params' | 'config'>;
}

interface Initial {
  datasetId: string | null;
  strategy: string | null;
  params?: Record<string, ParamDraft>;
  config?: ConfigDraft;
}

function missingColumns(strategy: StrategyInfo, dataset: DatasetSummary): string[] {
  return strategy.requires.filter((c) => !dataset.columns.includes(c));
}

export function useBacktestForm(datasets: DatasetSummary[] | null, strategies: StrategyInfo[] | null, initial: Initial): BacktestForm {
  const [datasetId, setDatasetId] = useState<string | null>(initial.datasetId);
  const [strategyName, setStrategyName] = useState<string | null>(initial.strategy);
  const [params, setParams] = useState<Record<string, ParamDraft>>(initial.params ?? {});
  const [configDraft, setConfigDraft] = useState<ConfigDraft>(initial.config ?? defaultConfigDraft);

  const found = datasets?.find((d) => d.id === datasetId) ?? null;
  const dataset = found ?? datasets?.[0] ?? null;
  const strategyFound = strategies?.find((s) => s.name === strategyName) ?? null;
  const strategy = strategyFound ?? strategies?.[0] ?? null;
  const missing = {
    dataset: datasets && datasetId && !found ? datasetId : null,
    strategy: strategies && strategyName && !strategyFound ? strategyName : null,
  };
  // Filling at the next open needs open prices: on a close-only dataset the close is the only possible fill. The
  // draft keeps the user's choice, which applies again on a dataset with opens.
  const closeOnly = dataset !== null && !dataset.columns.includes('open');
  const config = useMemo(
    () => (closeOnly && configDraft.fill === 'nextOpen' ? { ...configDraft, fill: 'close' as const } : configDraft),
    [closeOnly, configDraft],
  );
  const paramDraft = useMemo(() => (strategy ? (params[strategy.name] ?? draftFor(strategy)) : {}), [strategy, params]);

  const derived = useMemo(() => {
    const errors: FieldErrors = {};
    const problems: string[] = [];
    const values: Record<string, ParamValues[string]> = {};
    for (const spec of strategy?.params ?? []) {
      const read = readParam(spec, paramDraft[spec.name]);
      if (read.ok) values[spec.name] = read.value;
      else errors[`params.${spec.name}`] = read.error;
    }
    const constraints = (strategy?.constraints ?? []).map((text) => checkConstraint(text, values));
    for (const c of constraints) {
      if (c.satisfied !== false) continue;
      for (const name of c.params) errors[`params.${name}`] ??= `Must satisfy ${c.text}.`;
    }
    const built = toBacktestConfig(config);
    Object.assign(errors, built.errors);
    if (dataset && strategy) {
      const lacking = missingColumns(strategy, dataset);
      if (lacking.length > 0) problems.push(`${strategy.label} needs the ${lacking.join(', ')} column${lacking.length > 1 ? 's' : ''}, which ${dataset.name} does not have.`);
    }
    const request: BacktestRequestInput | null =
      dataset && strategy && built.config && Object.keys(errors).length === 0 && problems.length === 0
        ? { datasetId: dataset.id, strategy: strategy.name, params: values, config: built.config }
        : null;
    return { errors, problems, constraints, request };
  }, [strategy, paramDraft, config, dataset]);

  return {
    dataset,
    strategy,
    missing,
    paramDraft,
    config,
    ...derived,
    setDataset: setDatasetId,
    setStrategy: setStrategyName,
    setParam: (name, text) => {
      if (!strategy) return;
      setParams((prev) => ({ ...prev, [strategy.name]: { ...(prev[strategy.name] ?? draftFor(strategy)), [name]: text } }));
    },
    resetParams: () => {
      if (!strategy) return;
      setParams((prev) => ({ ...prev, [strategy.name]: draftFor(strategy) }));
    },
    setConfig: setConfigDraft,
    snapshot: { datasetId: dataset?.id ?? datasetId, strategy: strategy?.name ?? strategyName, params, config: configDraft },
  };
}
