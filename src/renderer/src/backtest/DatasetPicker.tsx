import type { DatasetSummary } from '../../../shared';
import { routeHref } from '../app/route';
import { SelectField } from '../forms/SelectField';
import { formatInteger } from '../format/formatNumber';

interface DatasetPickerProps {
  datasets: DatasetSummary[] | null;
  selected: DatasetSummary | null;
  /** An id from the link that names no dataset in the store. */
  missing: string | null;
  onChange: (id: string) => void;
}

export function DatasetPicker({ datasets, selected, missing, onChange }: DatasetPickerProps) {
  if (datasets !== null && datasets.length === 0) {
    return (
      <div className="setup-empty" data-testid="dataset-select-empty">
        <p>There are no datasets yet.</p>
        <a className="button button-small" href={routeHref({ page: 'datasets' })}>
          Import or load a sample
        </a>
      </div>
    );
  }
  return (
    <SelectField
      label="Dataset"
      value={selected?.id ?? ''}
      placeholder="Loading datasets…"
      disabled={datasets === null}
      options={(datasets ?? []).map((d) => ({ value: d.id, label: d.name }))}
      onChange={onChange}
      testId="dataset-select"
      hint={
        <>
          {missing ? <span className="field-warning">The dataset in the link ({missing}) is not in the store. </span> : null}
          {selected ? `${formatInteger(selected.bars)} bars · ${selected.frequency.label}` : null}
        </>
      }
    />
  );
}
