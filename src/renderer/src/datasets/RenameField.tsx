import { useState } from 'react';
import { describeError, toDisplayError } from '../format/formatError';

const MAX_NAME_LENGTH = 200;

interface RenameFieldProps {
  name: string;
  /** Accessible label of the text field, e.g. "New name for SMI daily". */
  label: string;
  onSave: (name: string) => Promise<void>;
  /** Called when editing ends, saved or cancelled. */
  onDone: () => void;
}

/** Inline renaming: Enter saves, Escape cancels, and a refused name keeps the field open with the reason. */
export function RenameField({ name, label, onSave, onDone }: RenameFieldProps) {
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const trimmed = value.trim();
    if (!trimmed) return setError('A name cannot be empty.');
    if (trimmed.length > MAX_NAME_LENGTH) return setError(`A name can have at most ${MAX_NAME_LENGTH} characters.`);
    if (trimmed === name) return onDone();
    setSaving(true);
    setError(null);
    try {
      await onSave(trimmed);
      onDone();
    } catch (err) {
      setError(describeError(toDisplayError(err)));
      setSaving(false);
    }
  };

  return (
    <form
      className="rename-field"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="rename-controls">
        <input
          className="input"
          aria-label={label}
          value={value}
          maxLength={MAX_NAME_LENGTH + 50}
          autoFocus
          disabled={saving}
          data-testid="rename-input"
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              // Keep Escape from also reaching an enclosing dialog or page handler.
              event.preventDefault();
              event.stopPropagation();
              onDone();
            }
          }}
        />
        <button type="submit" className="button button-small button-primary" disabled={saving}>
          Save
        </button>
        <button type="button" className="button button-small" onClick={onDone} disabled={saving}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert" data-testid="rename-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
