import { NumberField } from '../forms/NumberField';
import { CONFIG_FIELDS, type ConfigNumberKey } from './configFields';
import { describeRange } from './numberInput';

interface ConfigNumberFieldProps {
  field: ConfigNumberKey;
  value: string;
  error?: string;
  onChange: (key: ConfigNumberKey, text: string) => void;
}

export function ConfigNumberField({ field, value, error, onChange }: ConfigNumberFieldProps) {
  const f = CONFIG_FIELDS[field];
  const range = describeRange(f.rule);
  const hint = [f.hint, range ? `${range.charAt(0).toUpperCase()}${range.slice(1)}.` : null].filter(Boolean).join('. ');
  return (
    <NumberField
      label={f.label}
      unit={f.unit}
      value={value}
      onChange={(text) => onChange(field, text)}
      min={f.rule.min !== undefined && !f.rule.minExclusive ? f.rule.min : undefined}
      max={f.rule.max !== undefined && !f.rule.maxExclusive ? f.rule.max : undefined}
      step={f.step ?? 'any'}
      hint={hint}
      error={error}
      testId={`config-${field}`}
    />
  );
}
