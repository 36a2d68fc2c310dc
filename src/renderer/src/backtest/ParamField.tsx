import type { ParamSpecInfo } from '../../../shared';
import { NumberField } from '../forms/NumberField';
import { SelectField } from '../forms/SelectField';
import { numberText } from './numberInput';
import { formatChoice } from './paramDraft';

interface ParamFieldProps {
  spec: ParamSpecInfo;
  text: string;
  error?: string;
  onChange: (text: string) => void;
}

function rangeHint(spec: Extract<ParamSpecInfo, { type: 'int' | 'float' }>): string {
  const parts = [`${numberText(spec.low)} – ${numberText(spec.high)}`];
  if (spec.step !== undefined && !(spec.type === 'int' && spec.step === 1)) parts.push(`step ${numberText(spec.step)}`);
  if (spec.log) parts.push('tuned on a log scale');
  return `Range ${parts.join(', ')}. Default ${numberText(spec.default)}.`;
}

/** One strategy parameter: a number input for int/float, a select for categorical. */
export function ParamField({ spec, text, error, onChange }: ParamFieldProps) {
  const testId = `param-${spec.name}`;
  if (spec.type === 'categorical') {
    return (
      <SelectField
        label={spec.label}
        unit="choice"
        value={text}
        options={spec.choices.map((c, i) => ({ value: String(i), label: formatChoice(c) }))}
        onChange={onChange}
        error={error}
        hint={spec.description ?? `Default ${formatChoice(spec.default)}.`}
        testId={testId}
      />
    );
  }
  return (
    <NumberField
      label={spec.label}
      unit={spec.type === 'int' ? 'integer' : 'number'}
      value={text}
      onChange={onChange}
      min={spec.low}
      max={spec.high}
      step={spec.step ?? (spec.type === 'int' ? 1 : 'any')}
      error={error}
      hint={
        <>
          {spec.description ? `${spec.description} ` : null}
          {rangeHint(spec)}
        </>
      }
      testId={testId}
    />
  );
}
