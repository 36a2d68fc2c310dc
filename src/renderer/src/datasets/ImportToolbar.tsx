import { useId } from 'react';

interface ImportToolbarProps {
  name: string;
  onNameChange: (name: string) => void;
  onImport: () => void;
  onLoadSample: () => void;
  busy: boolean;
}

export function ImportToolbar({ name, onNameChange, onImport, onLoadSample, busy }: ImportToolbarProps) {
  const nameId = useId();
  return (
    <div className="toolbar">
      <div className="toolbar-field">
        <label htmlFor={nameId}>Name (optional)</label>
        <input
          id={nameId}
          className="input"
          value={name}
          onChange={(event) => onNameChange(event.target.value)}
          disabled={busy}
          maxLength={200}
          data-testid="import-name-input"
          title="Name for the next imported file; the file name is used when empty"
        />
      </div>
      <button type="button" className="button button-primary" onClick={onImport} disabled={busy} data-testid="import-csv">
        Import CSV…
      </button>
      <button type="button" className="button" onClick={onLoadSample} disabled={busy} data-testid="load-sample">
        Load sample data
      </button>
    </div>
  );
}
