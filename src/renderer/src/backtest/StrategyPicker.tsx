import type { StrategyInfo } from '../../../shared';
import { SelectField } from '../forms/SelectField';

interface StrategyPickerProps {
  strategies: StrategyInfo[] | null;
  selected: StrategyInfo | null;
  missing: string | null;
  onChange: (name: string) => void;
}

export function StrategyPicker({ strategies, selected, missing, onChange }: StrategyPickerProps) {
  return (
    <div className="strategy-picker">
      <SelectField
        label="Strategy"
        value={selected?.name ?? ''}
        placeholder="Loading strategies…"
        disabled={strategies === null}
        options={(strategies ?? []).map((s) => ({ value: s.name, label: s.source === 'user' ? `${s.label} (user)` : s.label }))}
        onChange={onChange}
        testId="strategy-select"
        hint={missing ? <span className="field-warning">There is no strategy named {missing}.</span> : undefined}
      />
      {selected ? (
        <p className="strategy-description" data-testid="strategy-description">
          {selected.description}
          <span className="strategy-version">
            {' '}
            <code>{selected.name}</code> v{selected.version}
          </span>
        </p>
      ) : null}
    </div>
  );
}
