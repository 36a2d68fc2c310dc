import { useMemo, useState } from 'react';
import type { ParamOverride, StudyDetail } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useNavigate } from '../app/NavigationContext';
import { Dialog } from '../components/Dialog';
import { toDisplayError } from '../format/formatError';

interface ContinueStudyDialogProps {
  detail: StudyDetail;
  onClose: () => void;
}

interface RangeDraft {
  name: string;
  type: 'int' | 'float';
  low: string;
  high: string;
  log: boolean;
  step?: number;
}

const SAMPLERS = [
  { value: 'tpe', label: 'TPE' },
  { value: 'gp', label: 'Gaussian process' },
  { value: 'random', label: 'Random' },
  { value: 'sobol', label: 'Sobol' },
] as const;

/**
 * "Continue tuning": the parent's numeric ranges, prefilled and editable (narrow them around what worked, or widen
 * them where the best trials sit at an edge), a sampler, a seed and a number of new trials. The parent's trials
 * inside the new ranges seed the new study, so its sampler starts informed.
 */
export function ContinueStudyDialog({ detail, onClose }: ContinueStudyDialogProps) {
  const client = useClient();
  const navigate = useNavigate();
  const { summary, spec } = detail;
  const initial = useMemo<RangeDraft[]>(
    () =>
      spec.space
        .filter((p) => p.type === 'int' || p.type === 'float')
        .map((p) => ({
          name: String(p.name),
          type: p.type as 'int' | 'float',
          low: String(p.low),
          high: String(p.high),
          log: p.log === true,
          ...(typeof p.step === 'number' ? { step: p.step } : {}),
        })),
    [spec.space],
  );
  const [ranges, setRanges] = useState(initial);
  // Random and Sobol ignore earlier results, so a continuation defaults to TPE, which learns from the seeded trials.
  const [sampler, setSampler] = useState<(typeof SAMPLERS)[number]['value']>(summary.sampler === 'gp' ? 'gp' : 'tpe');
  const [trials, setTrials] = useState('100');
  const [seed, setSeed] = useState(String(spec.seed));
  const [name, setName] = useState(`${summary.name} (continued)`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problems: string[] = [];
  const space: Record<string, ParamOverride> = {};
  for (const r of ranges) {
    const low = Number(r.low);
    const high = Number(r.high);
    if (r.low.trim() === '' || r.high.trim() === '' || !Number.isFinite(low) || !Number.isFinite(high)) problems.push(`${r.name}: low and high must be numbers.`);
    else if (low >= high) problems.push(`${r.name}: low must be below high.`);
    else if (r.type === 'int' && (!Number.isInteger(low) || !Number.isInteger(high))) problems.push(`${r.name}: an integer parameter needs whole bounds.`);
    else if (r.log && low <= 0) problems.push(`${r.name}: a log range needs low > 0.`);
    else space[r.name] = { low, high, type: r.type, ...(r.log ? { log: true } : {}), ...(r.step !== undefined ? { step: r.step } : {}) };
  }
  const nTrials = Number(trials);
  if (!Number.isInteger(nTrials) || nTrials < 1) problems.push('New trials must be a whole number ≥ 1.');
  const nSeed = Number(seed);
  if (!Number.isInteger(nSeed) || nSeed < 0) problems.push('The seed must be a whole number ≥ 0.');

  const submit = () => {
    if (problems.length > 0) return;
    setBusy(true);
    setError(null);
    client.api.studies.continue({ id: summary.id, name: name.trim() || undefined, space, sampler, budget: { trials: nTrials }, seed: nSeed }).then(
      (created) => {
        onClose();
        navigate({ page: 'study', id: created.id });
      },
      (err: unknown) => {
        setBusy(false);
        setError(toDisplayError(err).message);
      },
    );
  };

  const edit = (i: number, patch: Partial<RangeDraft>) => setRanges((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <Dialog
      title="Continue tuning in a new study"
      onClose={() => (busy ? undefined : onClose())}
      wide
      testId="continue-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={submit} disabled={busy || problems.length > 0} data-testid="confirm-continue">
            {busy ? 'Starting…' : 'Start new study'}
          </button>
        </>
      }
    >
      <p className="muted">
        Same dataset, strategy, objectives, in-sample bars and costs. Trials of “{summary.name}” that fall inside the ranges below are copied into the new study first, so
        its sampler starts from what is already known; the new trials come on top.
      </p>
      <div className="form-field">
        <label htmlFor="continue-name">Name</label>
        <input id="continue-name" className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </div>
      <table className="data-table continue-space-table">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Type</th>
            <th scope="col">Low</th>
            <th scope="col">High</th>
            <th scope="col">Log scale</th>
          </tr>
        </thead>
        <tbody>
          {ranges.map((r, i) => (
            <tr key={r.name}>
              <td>
                <code>{r.name}</code>
              </td>
              <td>{r.type}</td>
              <td>
                <input className="input" type="number" aria-label={`${r.name} low`} value={r.low} onChange={(e) => edit(i, { low: e.target.value })} data-testid={`continue-low-${r.name}`} />
              </td>
              <td>
                <input className="input" type="number" aria-label={`${r.name} high`} value={r.high} onChange={(e) => edit(i, { high: e.target.value })} data-testid={`continue-high-${r.name}`} />
              </td>
              <td>
                <input type="checkbox" aria-label={`${r.name} on a log scale`} checked={r.log} onChange={(e) => edit(i, { log: e.target.checked })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.keys(spec.fixed).length > 0 ? (
        <p className="muted">
          Fixed as in the parent:{' '}
          {Object.entries(spec.fixed)
            .map(([k, v]) => `${k} = ${String(v)}`)
            .join(', ')}
          .
        </p>
      ) : null}
      <div className="backup-grid">
        <div className="form-field">
          <label htmlFor="continue-sampler">Sampler</label>
          <select id="continue-sampler" className="input select" value={sampler} onChange={(e) => setSampler(e.target.value as typeof sampler)}>
            {SAMPLERS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="continue-trials">New trials</label>
          <input id="continue-trials" className="input" type="number" min={1} value={trials} onChange={(e) => setTrials(e.target.value)} data-testid="continue-trials" />
        </div>
        <div className="form-field">
          <label htmlFor="continue-seed">Seed</label>
          <input id="continue-seed" className="input" type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} />
        </div>
      </div>
      {sampler === 'random' || sampler === 'sobol' ? (
        <p className="field-warning">The {sampler === 'random' ? 'random' : 'Sobol'} sampler ignores earlier results: the seeded trials are kept, but they do not guide the new ones.</p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="form-error">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
