// The form that sets up a walk-forward run: what to tune (dataset, strategy, space, objective), how (sampler,
// trials per window) and the windows (rolling or anchored, lengths, step, purge, embargo), drawn as they will be.
import { useMemo, useState } from 'react';
import type { WalkForwardCreateInput } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useNavigate } from '../app/NavigationContext';
import { routeHref } from '../app/route';
import { toBacktestConfig } from '../backtest/configDraft';
import { CostsPanel } from '../backtest/CostsPanel';
import { DatasetPicker } from '../backtest/DatasetPicker';
import { parseNumber } from '../backtest/numberInput';
import { StrategyPicker } from '../backtest/StrategyPicker';
import { ErrorPanel } from '../components/ErrorPanel';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { formatInteger } from '../format/formatNumber';
import { NumberField } from '../forms/NumberField';
import { SelectField } from '../forms/SelectField';
import { SearchSpaceEditor } from '../studies/SearchSpaceEditor';
import { directionOf, metricOptions, SAMPLER_OPTIONS, useTuningTarget, type Direction, type SamplerChoice } from '../studies/useTuningTarget';
import { WindowPlanView } from './WindowPlanView';
import { planWindows } from './windowPlan';
import './walkForward.css';

/** Lengths that give about six windows on `bars` bars, for a form not yet filled in. */
function suggested(bars: number): { inSample: number; outOfSample: number } {
  return { inSample: Math.max(2, Math.floor(bars / 4)), outOfSample: Math.max(1, Math.floor(bars / 8)) };
}

export function NewWalkForwardPage() {
  const client = useClient();
  const navigate = useNavigate();
  const target = useTuningTarget();
  const { datasets, strategies, metrics, dataset, strategy, space, configDraft } = target;
  const [name, setName] = useState('');
  const [metric, setMetric] = useState('sharpe');
  const [direction, setDirection] = useState<Direction>('maximize');
  const [sampler, setSampler] = useState<SamplerChoice>('tpe');
  const [trials, setTrials] = useState('50');
  const [workers, setWorkers] = useState('');
  const [seed, setSeed] = useState('0');
  const [mode, setMode] = useState<'rolling' | 'anchored'>('rolling');
  const [inSample, setInSample] = useState('');
  const [outOfSample, setOutOfSample] = useState('');
  const [step, setStep] = useState('');
  const [purge, setPurge] = useState('0');
  const [embargo, setEmbargo] = useState('0');
  const [selection, setSelection] = useState<'peak' | 'robust'>('peak');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<DisplayError | null>(null);

  const hint = dataset ? suggested(dataset.bars) : null;

  const checked = useMemo(() => {
    const errors: Record<string, string> = {};
    const t = parseNumber(trials, { min: 1, max: 1_000_000, integer: true });
    if (!t.ok) errors.trials = t.error;
    const w = parseNumber(workers, { min: 1, max: 256, integer: true, optional: true });
    if (!w.ok) errors.workers = w.error;
    const s = parseNumber(seed, { min: 0, max: 2 ** 31 - 1, integer: true });
    if (!s.ok) errors.seed = s.error;
    const is = parseNumber(inSample, { min: 2, integer: true, optional: true });
    if (!is.ok) errors.inSample = is.error;
    const oos = parseNumber(outOfSample, { min: 1, integer: true, optional: true });
    if (!oos.ok) errors.outOfSample = oos.error;
    const st = parseNumber(step, { min: 1, integer: true, optional: true });
    if (!st.ok) errors.step = st.error;
    const pu = parseNumber(purge, { min: 0, integer: true });
    if (!pu.ok) errors.purge = pu.error;
    const em = parseNumber(embargo, { min: 0, integer: true });
    if (!em.ok) errors.embargo = em.error;
    const built = toBacktestConfig(configDraft);
    Object.assign(errors, built.errors);
    if (target.datasetError) errors.dataset = target.datasetError;
    const inSampleBars = is.ok ? (is.value ?? hint?.inSample) : undefined;
    const outOfSampleBars = oos.ok ? (oos.value ?? hint?.outOfSample) : undefined;
    const numbersOk = dataset && inSampleBars !== undefined && outOfSampleBars !== undefined && st.ok && pu.ok && em.ok;
    const plan = numbersOk
      ? planWindows({ bars: dataset.bars, inSample: inSampleBars, outOfSample: outOfSampleBars, step: st.value, mode, purge: pu.value!, embargo: em.value! })
      : null;
    if (plan && !plan.ok) errors.windows = plan.error;
    const spaceOk = space !== null && Object.keys(space.errors).length === 0;
    const ok = dataset && strategy && spaceOk && built.config && plan?.ok && Object.keys(errors).length === 0;
    const request: WalkForwardCreateInput | null = ok
      ? {
          datasetId: dataset.id,
          strategy: strategy.name,
          ...(name.trim() ? { name: name.trim() } : {}),
          space: space.space,
          objective: { metric, direction },
          sampler,
          trialsPerWindow: t.ok ? t.value! : 50,
          ...(w.ok && w.value !== undefined ? { workers: w.value } : {}),
          seed: s.ok ? s.value! : 0,
          mode,
          inSampleBars: inSampleBars!,
          outOfSampleBars: outOfSampleBars!,
          ...(st.ok && st.value !== undefined ? { stepBars: st.value } : {}),
          purgeBars: pu.ok ? pu.value! : 0,
          embargoBars: em.ok ? em.value! : 0,
          selection,
          config: built.config!,
        }
      : null;
    return { errors, spaceErrors: space?.errors ?? {}, searched: space?.searched ?? 0, request, plan };
  }, [strategy, space, target.datasetError, trials, workers, seed, inSample, outOfSample, step, purge, embargo, mode, configDraft, dataset, name, sampler, metric, direction, selection, hint?.inSample, hint?.outOfSample]);

  const { errors, request, plan } = checked;

  const submit = () => {
    if (!request || submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    client.api.walkForward.create(request).then(
      (run) => navigate({ page: 'walk-forward', id: run.id }),
      (err: unknown) => {
        setSubmitting(false);
        setSubmitError(toDisplayError(err));
      },
    );
  };

  const objectiveOptions = metricOptions(metrics);
  const windowCount = plan?.ok ? plan.windows.length : 0;
  const trialCount = windowCount * (request ? (request.trialsPerWindow ?? 0) : 0);

  return (
    <div className="page study-new-page" data-testid="new-walk-forward">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <a href={routeHref({ page: 'walk-forwards' })}>Walk-forward</a> /
          </p>
          <h1>New walk-forward</h1>
        </div>
      </header>
      {target.loadErrors.map((e) => (
        <ErrorPanel key={e.title} title={e.title} error={e.error} />
      ))}
      <form
        className="study-form"
        aria-label="New walk-forward"
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
            <div className="study-form-grid">
              <SelectField
                label="Objective"
                value={metric}
                options={objectiveOptions}
                onChange={(m) => {
                  setMetric(m);
                  setDirection(directionOf(m, metrics));
                }}
                testId="wf-objective"
              />
              <SelectField
                label="Direction"
                value={direction}
                options={[
                  { value: 'maximize', label: 'Maximise' },
                  { value: 'minimize', label: 'Minimise' },
                ]}
                onChange={(d) => setDirection(d as Direction)}
                testId="wf-direction"
              />
            </div>
            <label className="form-field">
              <span>
                Name <span className="field-unit">(optional)</span>
              </span>
              <input className="input" value={name} maxLength={200} placeholder={strategy ? `${strategy.name} on ${dataset?.name ?? '…'}, walk-forward` : ''} onChange={(e) => setName(e.target.value)} data-testid="wf-name" />
            </label>
          </section>

          <section className="panel study-form-section" aria-labelledby="wf-windows-title" data-testid="wf-windows">
            <h2 id="wf-windows-title" className="panel-title">
              Windows
            </h2>
            <div className="wf-window-fields">
              <SelectField
                label="Mode"
                value={mode}
                options={[
                  { value: 'rolling', label: 'Rolling' },
                  { value: 'anchored', label: 'Anchored' },
                ]}
                hint={mode === 'rolling' ? 'in sample of fixed length, sliding' : 'in sample always from the first bar'}
                onChange={(m) => setMode(m as 'rolling' | 'anchored')}
                testId="wf-mode"
              />
              <NumberField label="In sample" unit="bars" value={inSample} onChange={setInSample} min={2} step={1} error={errors.inSample} placeholder={hint ? String(hint.inSample) : ''} testId="wf-in-sample" />
              <NumberField label="Out of sample" unit="bars" value={outOfSample} onChange={setOutOfSample} min={1} step={1} error={errors.outOfSample} placeholder={hint ? String(hint.outOfSample) : ''} testId="wf-out-of-sample" />
              <NumberField label="Step" unit="bars" value={step} onChange={setStep} min={1} step={1} error={errors.step} placeholder="OOS + embargo" testId="wf-step" />
              <NumberField label="Purge" unit="bars" value={purge} onChange={setPurge} min={0} step={1} error={errors.purge} hint="dropped from the end of each in-sample part" testId="wf-purge" />
              <NumberField label="Embargo" unit="bars" value={embargo} onChange={setEmbargo} min={0} step={1} error={errors.embargo} hint="after each test, kept out of the next window" testId="wf-embargo" />
            </div>
            {errors.windows ? (
              <p className="form-error" role="alert" data-testid="wf-windows-error">
                {errors.windows}
              </p>
            ) : null}
            {plan?.ok && dataset ? <WindowPlanView windows={plan.windows} bars={dataset.bars} /> : null}
            {plan?.ok && dataset ? (
              <p className="split-note" data-testid="wf-plan-note">
                <strong>{windowCount}</strong> window{windowCount === 1 ? '' : 's'}, each tuned on its in-sample bars only; together they test <strong>{formatInteger(plan.testedBars)}</strong> of{' '}
                {formatInteger(dataset.bars)} bars out of sample (step {formatInteger(plan.step)}).
              </p>
            ) : null}
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
        </div>

        <aside className="panel study-form-side" aria-label="How to search">
          <SelectField label="Sampler" value={sampler} options={SAMPLER_OPTIONS} onChange={(v) => setSampler(v as SamplerChoice)} testId="wf-sampler" />
          <div className="study-form-pair">
            <NumberField label="Trials per window" value={trials} onChange={setTrials} min={1} step={1} error={errors.trials} testId="wf-trials" />
            <NumberField label="Workers" value={workers} onChange={setWorkers} min={1} max={256} step={1} error={errors.workers} placeholder="cores − 1" testId="wf-workers" />
          </div>
          <NumberField label="Seed" value={seed} onChange={setSeed} min={0} step={1} error={errors.seed} hint="window k's study uses seed + k" testId="wf-seed" />
          <SelectField
            label="Parameters tested out of sample"
            value={selection}
            options={[
              { value: 'peak', label: "Peak: each window's best trial" },
              { value: 'robust', label: 'Robust optimum: best neighbourhood (parameters analysis)' },
            ]}
            onChange={(v) => setSelection(v as 'peak' | 'robust')}
            testId="wf-selection"
          />
          <CostsPanel draft={configDraft} dataset={dataset} errors={errors} onChange={target.setConfig} />
          {submitError ? <ErrorPanel title="The walk-forward could not be started" error={submitError} testId="create-walk-forward-error" /> : null}
          <div className="run-controls">
            <button type="submit" className="button button-primary run-button" disabled={!request || submitting} data-testid="create-walk-forward">
              {submitting ? 'Starting…' : 'Start walk-forward'}
            </button>
            <p className={request ? 'run-status muted' : 'run-status form-error'} role="status" aria-live="polite">
              {!dataset
                ? 'Choose a dataset.'
                : !strategy
                  ? 'Choose a strategy.'
                  : request
                    ? `${windowCount} studies · ${formatInteger(trialCount)} trials in all · ${checked.searched} parameter${checked.searched === 1 ? '' : 's'} searched`
                    : 'Fix the marked fields to start.'}
            </p>
          </div>
        </aside>
      </form>
    </div>
  );
}
