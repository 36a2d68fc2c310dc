import type { StrategyInfo } from '../../../shared';
import type { ConstraintCheck } from './constraints';
import type { FieldErrors } from './configDraft';
import type { ParamDraft } from './paramDraft';
import { ParamField } from './ParamField';

interface ParamFormProps {
  strategy: StrategyInfo;
  draft: ParamDraft;
  errors: FieldErrors;
  constraints: ConstraintCheck[];
  onChange: (name: string, text: string) => void;
  onReset: () => void;
}

/** The strategy's parameter space as a form, with the constraints between parameters listed under it. */
export function ParamForm({ strategy, draft, errors, constraints, onChange, onReset }: ParamFormProps) {
  return (
    <fieldset className="setup-section" data-testid="params-form">
      <legend className="setup-legend">
        Parameters
        {strategy.params.length > 0 ? (
          <button type="button" className="link-button" onClick={onReset} data-testid="reset-params">
            Defaults
          </button>
        ) : null}
      </legend>
      {strategy.params.length === 0 ? <p className="muted">This strategy has no parameters.</p> : null}
      {strategy.params.map((spec) => (
        <ParamField
          key={spec.name}
          spec={spec}
          text={draft[spec.name] ?? ''}
          error={errors[`params.${spec.name}`]}
          onChange={(text) => onChange(spec.name, text)}
        />
      ))}
      {constraints.length > 0 ? (
        <div className="constraint-list" data-testid="params-constraints">
          <span className="field-hint">Constraints:</span>
          <ul>
            {constraints.map((c) => (
              <li key={c.text} className={c.satisfied === false ? 'negative' : undefined} data-satisfied={c.satisfied === null ? undefined : String(c.satisfied)}>
                <code>{c.text}</code>
                {c.satisfied === false ? ' — not satisfied' : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
