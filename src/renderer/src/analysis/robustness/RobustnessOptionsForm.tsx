import { formatInteger } from '../../format/formatNumber';
import { cscvCombinations } from './robustnessFormat';

/** The settings a researcher can change; the rest of AnalysisOptions keeps its defaults. */
export interface RobustnessDraft {
  /** Null: the best trial by the first objective (the back end's default). */
  trial: number | null;
  partitions: number;
  includeEarlierStudies: boolean;
  correlationCorrected: boolean;
  resamples: number;
  seed: number;
}

export const DEFAULT_DRAFT: RobustnessDraft = { trial: null, partitions: 16, includeEarlierStudies: false, correlationCorrected: true, resamples: 2000, seed: 0 };

// S beyond 20 means hundreds of thousands of splits (C(24, 12) = 2.7 million): minutes of work and a histogram of
// millions of logits, for no visible change in PBO.
const PARTITIONS = [4, 6, 8, 10, 12, 14, 16, 18, 20];
const RESAMPLES = [500, 1000, 2000, 5000, 10_000];

interface TrialChoice {
  number: number;
  label: string;
}

interface RobustnessOptionsFormProps {
  draft: RobustnessDraft;
  onChange: (draft: RobustnessDraft) => void;
  trials: readonly TrialChoice[];
  objectiveLabel: string;
  onRecompute: () => void;
  busy: boolean;
  /** The draft differs from what the report on screen was computed with. */
  dirty: boolean;
}

/** A compact form for the analysis options and the Recompute button. */
export function RobustnessOptionsForm({ draft, onChange, trials, objectiveLabel, onRecompute, busy, dirty }: RobustnessOptionsFormProps) {
  const set = <K extends keyof RobustnessDraft>(key: K, value: RobustnessDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <form
      className="robustness-options"
      aria-label="Analysis options"
      data-testid="robustness-options"
      onSubmit={(event) => {
        event.preventDefault();
        onRecompute();
      }}
    >
      <label className="robustness-option robustness-option-trial">
        <span>Trial</span>
        <select className="input" value={draft.trial === null ? '' : String(draft.trial)} onChange={(e) => set('trial', e.target.value === '' ? null : Number(e.target.value))} data-testid="robustness-trial">
          <option value="">Best by {objectiveLabel} (default)</option>
          {trials.map((t) => (
            <option key={t.number} value={String(t.number)}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="robustness-option" title="CSCV splits the in-sample returns into S equal blocks and tries every choice of half of them as the training set.">
        <span>PBO blocks S</span>
        <select className="input" value={String(draft.partitions)} onChange={(e) => set('partitions', Number(e.target.value))} data-testid="robustness-partitions">
          {PARTITIONS.map((s) => (
            <option key={s} value={String(s)}>
              S = {s} ({formatInteger(cscvCombinations(s))} splits)
            </option>
          ))}
        </select>
      </label>
      <label className="robustness-option" title="Stationary block bootstrap resamples and trade-order reshuffles.">
        <span>Resamples</span>
        <select className="input" value={String(draft.resamples)} onChange={(e) => set('resamples', Number(e.target.value))} data-testid="robustness-resamples">
          {RESAMPLES.map((n) => (
            <option key={n} value={String(n)}>
              {formatInteger(n)}
            </option>
          ))}
        </select>
      </label>
      <label className="robustness-option robustness-option-seed" title="Seed of the bootstrap and the reshuffles: the same seed gives the same intervals.">
        <span>Seed</span>
        <input
          className="input"
          type="number"
          min={0}
          step={1}
          value={draft.seed}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 0 && v <= 2 ** 31 - 1) set('seed', v);
          }}
          data-testid="robustness-seed"
        />
      </label>
      <div className="robustness-toggles">
        <label className="toggle" title="Count the completed trials of earlier studies on the same dataset in the DSR's N: they were tried too.">
          <input type="checkbox" checked={draft.includeEarlierStudies} onChange={(e) => set('includeEarlierStudies', e.target.checked)} data-testid="robustness-earlier" />
          Count earlier studies on this dataset
        </label>
        <label className="toggle" title="Discount N for correlation between the trials' returns: near-identical trials are not independent attempts.">
          <input type="checkbox" checked={draft.correlationCorrected} onChange={(e) => set('correlationCorrected', e.target.checked)} data-testid="robustness-correlation" />
          Correct N for correlation
        </label>
      </div>
      <button type="submit" className={dirty ? 'button button-primary' : 'button'} disabled={busy} data-testid="robustness-recompute">
        {busy ? 'Computing…' : 'Recompute'}
      </button>
    </form>
  );
}
