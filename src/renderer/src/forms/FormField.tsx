import { useId, type ReactNode } from 'react';

export interface FieldIds {
  inputId: string;
  /** Ids of the hint and error, for aria-describedby; undefined when there are none. */
  describedBy: string | undefined;
}

interface FormFieldProps {
  label: string;
  /** Shown in parentheses after the label: "bps", "% per year", "bars". */
  unit?: string;
  hint?: ReactNode;
  error?: string;
  children: (ids: FieldIds) => ReactNode;
}

/** A labelled control with its unit, an optional hint below it and the reason it is invalid, if it is. */
export function FormField({ label, unit, hint, error, children }: FormFieldProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-field form-field-invalid' : 'form-field'}>
      <label htmlFor={inputId}>
        {label}
        {unit ? <span className="field-unit"> ({unit})</span> : null}
      </label>
      {children({ inputId, describedBy })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
