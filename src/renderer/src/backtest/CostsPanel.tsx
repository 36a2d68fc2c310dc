import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../../../shared';
import type { BacktestConfig, SizingConfig } from '../../../shared';
import { SelectField } from '../forms/SelectField';
import type { ConfigDraft, FieldErrors } from './configDraft';
import { sizingFields } from './configDraft';
import { DIRECTION_OPTIONS, FILL_OPTIONS, SIZING_OPTIONS, type ConfigNumberKey } from './configFields';
import { ConfigNumberField } from './ConfigNumberField';

interface CostsPanelProps {
  draft: ConfigDraft;
  dataset: DatasetSummary | null;
  errors: FieldErrors;
  onChange: (update: (draft: ConfigDraft) => ConfigDraft) => void;
}

const label = (options: readonly { value: string; label: string }[], value: string) => options.find((o) => o.value === value)?.label ?? value;

/** One line that says what the collapsed panel holds, so the settings in force are visible without opening it. */
function summary(draft: ConfigDraft): string {
  const n = draft.numbers;
  const costs = `${n.commissionBps || '0'} + ${n.slippageBps || '0'} bps`;
  return `${label(FILL_OPTIONS, draft.fill)} · ${label(DIRECTION_OPTIONS, draft.direction)} · ${costs} · ${label(SIZING_OPTIONS, draft.sizing)}`;
}

/** The backtest settings (BacktestConfig) in a collapsible panel: execution, costs, sizing, exits, account. */
export function CostsPanel({ draft, dataset, errors, onChange }: CostsPanelProps) {
  const [open, setOpen] = useState(false);
  const invalid = Object.keys(errors).some((path) => path.startsWith('config.'));
  // Opens itself when a setting becomes invalid, so the message is seen; the user may still close it.
  useEffect(() => {
    if (invalid) setOpen(true);
  }, [invalid]);
  const noOpen = dataset !== null && !dataset.columns.includes('open');
  const setNumber = (key: ConfigNumberKey, text: string) => onChange((d) => ({ ...d, numbers: { ...d.numbers, [key]: text } }));
  const numberField = (key: ConfigNumberKey, path = `config.${key}`) => (
    <ConfigNumberField field={key} value={draft.numbers[key]} error={errors[path]} onChange={setNumber} />
  );

  return (
    <details
      className="setup-section collapsible"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="costs-panel"
    >
      <summary className="collapsible-summary">
        <span className="setup-legend">Costs &amp; execution</span>
        <span className="collapsible-detail">{summary(draft)}</span>
      </summary>
      <div className="collapsible-body">
        <h3 className="subsection-title">Execution</h3>
        <SelectField
          label="Fill at"
          unit="price"
          value={draft.fill}
          options={FILL_OPTIONS.map((o) => ({ ...o, disabled: noOpen && o.value === 'nextOpen' }))}
          error={errors['config.fill']}
          onChange={(v) => onChange((d) => ({ ...d, fill: v as BacktestConfig['fill'] }))}
          hint={noOpen ? 'This dataset has no open prices, so orders fill at the close.' : "When an order made at a bar's close is filled."}
          testId="config-fill"
        />
        <SelectField
          label="Direction"
          unit="sides traded"
          value={draft.direction}
          options={DIRECTION_OPTIONS}
          error={errors['config.direction']}
          onChange={(v) => onChange((d) => ({ ...d, direction: v as BacktestConfig['direction'] }))}
          testId="config-direction"
        />

        <h3 className="subsection-title">Costs</h3>
        {numberField('commissionBps')}
        {numberField('commissionPerTrade')}
        {numberField('slippageBps')}
        {numberField('borrowRateAnnual')}

        <h3 className="subsection-title">Position sizing</h3>
        <SelectField
          label="Sizing"
          unit="rule"
          value={draft.sizing}
          options={SIZING_OPTIONS}
          onChange={(v) => onChange((d) => ({ ...d, sizing: v as SizingConfig['kind'] }))}
          testId="config-sizing"
        />
        {sizingFields(draft.sizing).map((key) => (
          <div key={key}>{numberField(key, `config.sizing.${key}`)}</div>
        ))}

        <h3 className="subsection-title">Exits</h3>
        {numberField('stopLossPct')}
        {numberField('takeProfitPct')}
        {numberField('trailingStopPct')}

        <h3 className="subsection-title">Account</h3>
        {numberField('initialCapital')}
        {numberField('riskFreeRateAnnual')}
        {numberField('periodsPerYear')}
      </div>
    </details>
  );
}
