import { useMemo, useState } from 'react';
import type { StudyCreateInput } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useNavigate } from '../app/NavigationContext';
import { routeHref } from '../app/route';
import { toBacktestConfig } from '../backtest/configDraft';
import { CostsPanel } from '../backtest/CostsPanel';
import { DatasetPicker } from '../backtest/DatasetPicker';
import { parseNumber } from '../backtest/numberInput';
import { StrategyPicker } from '../backtest/StrategyPicker';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatInteger } from '../format/formatNumber';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { NumberField } from '../forms/NumberField';
import { SelectField } from '../forms/SelectField';
import { SearchSpaceEditor } from './SearchSpaceEditor';
import { directionOf, metricOptions, SAMPLER_OPTIONS, useTuningTarget, type Direction, type SamplerChoice } from './useTuningTarget';

interface ObjectiveDraft {
  metric: string;
  direction: Direction;
}

const MAX_OBJECTIVES = 4;

export function NewStudyPage() {
  const client = useClient();
  const navigate = useNavigate();
  const target = useTuningTarget();
  const { datasets, strategies, metrics, dataset, strategy, space, configDraft } = target;
  const [name, setName] = useState('');
  const [objectives, setObjectives] = useState<ObjectiveDraft[]>([{ metric: 'sharpe', direction: 'maximize' }]);
  const [sampler, setSampler] = useState<SamplerChoice>('tpe');
  const [trials, setTrials] = useState('100');
  const [minutes, setMinutes] = useState('');
  const [workers, setWorkers] = useState('');
  const [seed, setSeed] = useState('0');
  const [inSample, setInSample] = useState('70');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<DisplayError | null>(null);

  const checked = useMemo(() => {
    const errors: Record<string, string> = {};
    const t = parseNumber(trials, { min: 1, max: 1_000_000, integer: true, optional: true });
    if (!t.ok) errors.trials = t.error;
    const m = parseNumber(minutes, { min: 0, minExclusive: true, optional: true });
    if (!m.ok) errors.minutes = m.error;
    if (t.ok && m.ok && t.value === undefined && m.value === undefined) errors.trials = 'Give a number of trials, a time limit, or both.';
    const w = parseNumber(workers, { min: 1, max: 256, integer: true, optional: true });
    if (!w.ok) errors.workers = w.error;
    const s = parseNumber(seed, { min: 0, max: 2 ** 31 - 1, integer: true });
    if (!s.ok) errors.seed = s.error;
    const f = parseNumber(inSample, { min: 1, max: 100 });
    if (!f.ok) errors.inSample = f.error;
    const seen = new Set<string>();
    objectives.forEach((o, i) => {
      if (seen.has(o.metric)) errors[`objective.${i}`] = 'This metric is already an objective.';
      seen.add(o.metric);
    });
    const built = toBacktestConfig(configDraft);
    Object.assign(errors, built.errors);
    if (target.datasetError) errors.dataset = target.datasetError;
    const spaceOk = space !== null && Object.keys(space.errors).length === 0;
    const ok = dataset && strategy && spaceOk && built.config && Object.keys(errors).length === 0;
    const request: StudyCreateInput | null = ok
      ? {
          datasetId: dataset.id,
          strategy: strategy.name,
          ...(name.trim() ? { name: name.trim() } : {}),
          space: space.space,
          objectives: objectives.map((o) => ({ metric: o.metric, direction: o.direction })),
          sampler,
          budget: { ...(t.ok && t.value !== undefined ? { trials: t.value } : {}), ...(m.ok && m.value !== undefined ? { timeLimitSec: m.value * 60 } : {}) },
          ...(w.ok && w.value !== undefined ? { workers: w.value } : {}),
          seed: s.ok ? s.value! : 0,
          inSampleFraction: f.ok ? f.value! / 100 : 0.7,
          config: built.config!,
        }
      : null;
    return { errors, spaceErrors: space?.errors ?? {}, searched: space?.searched ?? 0, request, inSampleFraction: f.ok ? f.value! / 100 : null };
  }, [strategy, space, trials, minutes, workers, seed, inSample, objectives, configDraft, dataset, name, sampler, target.datasetError]);

  const { errors, request } = checked;
  const inSampleBars = dataset && checked.inSampleFraction !== null ? Math.floor(dataset.bars * checked.inSampleFraction) : null;

  const submit = () => {
    if (!request || submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    client.api.studies.create(request).then(
      (summary) => navigate({ page: 'study', id: summary.id }),
      (err: unknown) => {
        setSubmitting(false);
        setSubmitError(toDisplayError(err));
      },
    );
  };

  const objectiveOptions = metricOptions(metrics);

  return (
    <div className="page study-new-page" data-testid="new-study">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <a href={routeHref({ page: 'studies' })}>Studies</a> /
          </p>
          <h1>New study</h1>
        </div>
      </header>
      {target.loadErrors.map((e) => (
        <ErrorPanel key={e.title} title={e.title} error={e.error} />
      ))}
      <form
        className="study-form"
        aria-label="New study"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="study-form-main">
          <section className="panel study-form-section" aria-label="What to tune">
            <h2 className="panel-title">What to tune</h2>
            <div className="study-form-grid">
              <DatasetPicker datasets={datasets} selected={dataset} missing={null} onChange={target.setDatasetId} />
              <StrategyPicker strategies={strategies} selected={strategy} missing={null} onChange={target.setStrategyName} />
            </div>
            {errors.dataset ? (
              <p className="form-error" role="alert">
                {errors.dataset}
              </p>
            ) : null}
            <label className="form-field">
              <span>
                Name <span className="field-unit">(optional)</span>
              </span>
              <input className="input" value={name} maxLength={200} placeholder={strategy ? `${strategy.name} on ${dataset?.name ?? '…'}` : ''} onChange={(e) => setName(e.target.value)} data-testid="study-name" />
            </label>
          </section>

          {strategy ? (
            <SearchSpaceEditor
              strategy={strategy}
              draft={target.spaceDraft}
              errors={checked.spaceErrors}
              onChange={target.setSpaceParam}
              onReset={target.resetSpace}
            />
          ) : null}

          <section className="panel study-form-section" aria-labelledby="objectives-title" data-testid="objectives">
            <div className="panel-header">
              <h2 id="objectives-title" className="panel-title">
                Objectives
              </h2>
              <button
                type="button"
                className="link-button"
                disabled={objectives.length >= MAX_OBJECTIVES}
                onClick={() => {
                  const used = new Set(objectives.map((o) => o.metric));
                  const next = (metrics ?? []).find((m) => !used.has(m.id));
                  if (next) setObjectives((prev) => [...prev, { metric: next.id, direction: next.direction }]);
                }}
                data-testid="add-objective"
              >
                Add objective
              </button>
            </div>
            {objectives.map((o, i) => (
              <div className="objective-row" key={i} data-testid="objective-row">
                <SelectField
                  label={objectives.length > 1 ? `Metric ${i + 1}` : 'Metric'}
                  value={o.metric}
                  options={objectiveOptions}
                  error={errors[`objective.${i}`]}
                  onChange={(metric) => setObjectives((prev) => prev.map((p, k) => (k === i ? { metric, direction: directionOf(metric, metrics) } : p)))}
                  testId={`objective-metric-${i}`}
                />
                <SelectField
                  label="Direction"
                  value={o.direction}
                  options={[
                    { value: 'maximize', label: 'Maximise' },
                    { value: 'minimize', label: 'Minimise' },
                  ]}
                  onChange={(direction) => setObjectives((prev) => prev.map((p, k) => (k === i ? { ...p, direction: direction as Direction } : p)))}
                  testId={`objective-direction-${i}`}
                />
                {objectives.length > 1 ? (
                  <button type="button" className="button button-small objective-remove" onClick={() => setObjectives((prev) => prev.filter((_, k) => k !== i))}>
                    Remove
                  </button>
                ) : null}
              </div>
            ))}
            {objectives.length > 1 ? <p className="field-hint">With several objectives the study keeps the Pareto set of trials instead of one best.</p> : null}
          </section>
        </div>

        <aside className="panel study-form-side" aria-label="How to search">
          <SelectField label="Sampler" value={sampler} options={SAMPLER_OPTIONS} onChange={(v) => setSampler(v as SamplerChoice)} testId="study-sampler" />
          <div className="study-form-pair">
            <NumberField label="Trials" value={trials} onChange={setTrials} min={1} step={1} error={errors.trials} placeholder="no limit" testId="study-trials" />
            <NumberField label="Time limit" unit="minutes" value={minutes} onChange={setMinutes} min={0} error={errors.minutes} placeholder="none" testId="study-minutes" />
          </div>
          <div className="study-form-pair">
            <NumberField label="Workers" value={workers} onChange={setWorkers} min={1} max={256} step={1} error={errors.workers} placeholder="cores − 1" testId="study-workers" />
            <NumberField label="Seed" value={seed} onChange={setSeed} min={0} step={1} error={errors.seed} testId="study-seed" />
          </div>
          <fieldset className="setup-section" data-testid="study-split">
            <legend className="setup-legend">In-sample / out-of-sample split</legend>
            <NumberField label="In sample" unit="% of bars, from the start" value={inSample} onChange={setInSample} min={1} max={100} error={errors.inSample} testId="study-in-sample" />
            {checked.inSampleFraction !== null ? (
              <div className="split-bar" aria-hidden="true">
                <span className="split-in" style={{ width: `${checked.inSampleFraction * 100}%` }} />
              </div>
            ) : null}
            <p className="split-note" data-testid="split-note">
              {inSampleBars !== null && dataset ? (
                <>
                  The tuner sees the first <strong>{formatInteger(inSampleBars)}</strong> bars only. The remaining <strong>{formatInteger(dataset.bars - inSampleBars)}</strong> bars are out of
                  sample: <strong>never seen by the tuner</strong>, kept to test the chosen parameters on.
                </>
              ) : (
                'The first part of the bars is in sample; the rest is never seen by the tuner.'
              )}
            </p>
          </fieldset>
          <CostsPanel draft={configDraft} dataset={dataset} errors={errors} onChange={target.setConfig} />
          {submitError ? <ErrorPanel title="The study could not be created" error={submitError} testId="create-study-error" /> : null}
          <div className="run-controls">
            <button type="submit" className="button button-primary run-button" disabled={!request || submitting} data-testid="create-study">
              {submitting ? 'Creating…' : 'Create and start study'}
            </button>
            <p className={request ? 'run-status muted' : 'run-status form-error'} role="status" aria-live="polite">
              {!dataset
                ? 'Choose a dataset.'
                : !strategy
                  ? 'Choose a strategy.'
                  : request
                    ? `${checked.searched} parameter${checked.searched === 1 ? '' : 's'} searched · ${sampler.toUpperCase()} sampler`
                    : 'Fix the marked fields to create the study.'}
            </p>
          </div>
        </aside>
      </form>
    </div>
  );
}
