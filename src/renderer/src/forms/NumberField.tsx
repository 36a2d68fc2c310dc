import type { ReactNode } from 'react';
import { FormField } from './FormField';

interface NumberFieldProps {
  label: string;
  unit?: string;
  /** The text as typed; the caller parses it. */
  value: string;
  onChange: (text: string) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  hint?: ReactNode;
  error?: string;
  placeholder?: string;
  testId?: string;
}

export function NumberField({ label, unit, value, onChange, min, max, step = 'any', hint, error, placeholder, testId }: NumberFieldProps) {
  return (
    <FormField label={label} unit={unit} hint={hint} error={error}>
      {({ inputId, describedBy }) => (
        <input
          id={inputId}
          className="input"
          type="number"
          inputMode="decimal"
          value={value}
          min={min}
          max={max}
          step={step}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
