import type { ParamSpecInfo, StrategyInfo } from '../../../shared';
import { numberText } from '../backtest/numberInput';
import { formatChoice } from '../backtest/paramDraft';
import { defaultParamDraft, type ParamSpaceDraft, type SpaceDraft } from './spaceDraft';

interface SearchSpaceEditorProps {
  strategy: StrategyInfo;
  draft: SpaceDraft;
  /** "fast.low" → message. */
  errors: Record<string, string>;
  onChange: (name: string, draft: ParamSpaceDraft) => void;
  onReset: () => void;
}

function declared(spec: ParamSpecInfo): string {
  if (spec.type === 'categorical') return spec.choices.map(formatChoice).join(', ');
  const parts = [`${spec.type} ${numberText(spec.low)} – ${numberText(spec.high)}`];
  if (spec.step !== undefined) parts.push(`step ${numberText(spec.step)}`);
  if (spec.log) parts.push('log');
  return parts.join(' · ');
}

function Cell({ value, error, label, testId, onChange, disabled }: { value: string; error?: string; label: string; testId: string; onChange: (v: string) => void; disabled?: boolean }) {
  return (
    <td className={error ? 'space-cell space-cell-invalid' : 'space-cell'}>
      <input
        className="input input-compact"
        type="text"
        inputMode="decimal"
        value={value}
        disabled={disabled}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        title={error}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
    </td>
  );
}

/** The strategy's parameters, each searched over a range (editable within its declared bounds) or held fixed. */
export function SearchSpaceEditor({ strategy, draft, errors, onChange, onReset }: SearchSpaceEditorProps) {
  const messages = Object.entries(errors);
  return (
    <section className="panel" aria-labelledby="space-title" data-testid="search-space">
      <div className="panel-header">
        <h2 id="space-title" className="panel-title">
          Search space
        </h2>
        <button type="button" className="link-button" onClick={onReset} data-testid="reset-space">
          Declared ranges
        </button>
      </div>
      {strategy.params.length === 0 ? (
        <p className="muted">This strategy has no parameters to tune; every trial would be the same backtest.</p>
      ) : (
        <div className="table-frame">
          <table className="data-table compact space-table">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Declared</th>
                <th scope="col">Search</th>
                <th scope="col">Low</th>
                <th scope="col">High</th>
                <th scope="col">Step</th>
                <th scope="col">Log</th>
                <th scope="col">Fixed value</th>
              </tr>
            </thead>
            <tbody>
              {strategy.params.map((spec) => {
                const d = draft[spec.name] ?? defaultParamDraft(spec);
                const err = (field: string) => errors[`${spec.name}.${field}`];
                const set = (patch: Partial<ParamSpaceDraft>) => onChange(spec.name, { ...d, ...patch } as ParamSpaceDraft);
                return (
                  <tr key={spec.name} data-testid={`space-${spec.name}`}>
                    <th scope="row" className="space-name" title={spec.description}>
                      {spec.label} <code className="muted">{spec.name}</code>
                    </th>
                    <td className="muted space-declared">{declared(spec)}</td>
                    <td>
                      <select
                        className="input select input-compact"
                        value={d.mode}
                        aria-label={`How ${spec.label} is searched`}
                        data-testid={`space-mode-${spec.name}`}
                        onChange={(event) => set({ mode: event.target.value as ParamSpaceDraft['mode'] })}
                      >
                        {d.kind === 'numeric' ? <option value="range">Range</option> : <option value="all">All choices</option>}
                        <option value="fixed">Fixed</option>
                      </select>
                    </td>
                    {d.kind === 'numeric' ? (
                      <>
                        <Cell label={`${spec.label} low`} value={d.low} error={err('low')} disabled={d.mode === 'fixed'} testId={`space-low-${spec.name}`} onChange={(v) => set({ low: v })} />
                        <Cell label={`${spec.label} high`} value={d.high} error={err('high')} disabled={d.mode === 'fixed'} testId={`space-high-${spec.name}`} onChange={(v) => set({ high: v })} />
                        <Cell label={`${spec.label} step`} value={d.step} error={err('step')} disabled={d.mode === 'fixed'} testId={`space-step-${spec.name}`} onChange={(v) => set({ step: v })} />
                        <td>
                          <input
                            type="checkbox"
                            checked={d.log}
                            disabled={d.mode === 'fixed'}
                            aria-label={`${spec.label} on a log scale`}
                            data-testid={`space-log-${spec.name}`}
                            onChange={(event) => set({ log: event.target.checked })}
                          />
                        </td>
                        <Cell label={`${spec.label} fixed value`} value={d.fixed} error={err('fixed')} disabled={d.mode !== 'fixed'} testId={`space-fixed-${spec.name}`} onChange={(v) => set({ fixed: v })} />
                      </>
                    ) : spec.type === 'categorical' ? (
                      <>
                        <td colSpan={4} className="muted">
                          {d.mode === 'all' ? `${spec.choices.length} choices` : 'Held fixed'}
                        </td>
                        <td>
                          <select
                            className="input select input-compact"
                            value={d.fixed}
                            disabled={d.mode !== 'fixed'}
                            aria-label={`${spec.label} fixed value`}
                            onChange={(event) => set({ fixed: event.target.value })}
                          >
                            {spec.choices.map((c, i) => (
                              <option key={i} value={String(i)}>
                                {formatChoice(c)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {messages.length > 0 ? (
        <ul className="space-errors" data-testid="space-errors">
          {messages.map(([path, message]) => (
            <li key={path} className="field-error" role="alert">
              <code>{path}</code>: {message}
            </li>
          ))}
        </ul>
      ) : null}
      {strategy.constraints.length > 0 ? (
        <p className="field-hint">
          Constraints between parameters ({strategy.constraints.join('; ')}) are applied by the tuner between parameters it searches; a trial whose parameters break one fails with the reason.
        </p>
      ) : null}
    </section>
  );
}
