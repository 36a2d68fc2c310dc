import { useState } from 'react';
import type { StudySummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { toDisplayError } from '../format/formatError';

interface StudyNameEditorProps {
  summary: StudySummary;
  onChanged: (summary: StudySummary) => void;
}

/** The study's name as the page title, renamed in place: Enter saves, Escape cancels; a refused name stays editable. */
export function StudyNameEditor({ summary, onChanged }: StudyNameEditorProps) {
  const client = useClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (draft === null) {
    return (
      <span className="study-name-editor">
        <h1 data-testid="study-name">{summary.name}</h1>
        <button type="button" className="button button-small rename-button" onClick={() => setDraft(summary.name)} data-testid="rename-study" title="Rename this study">
          Rename
        </button>
      </span>
    );
  }
  const save = () => {
    const name = draft.trim();
    if (name === '') return setError('A name cannot be empty.');
    if (name === summary.name) return setDraft(null);
    setBusy(true);
    client.api.studies.rename({ id: summary.id, name }).then(
      (next) => {
        setBusy(false);
        setDraft(null);
        setError(null);
        onChanged(next);
      },
      (err: unknown) => {
        setBusy(false);
        setError(toDisplayError(err).message);
      },
    );
  };
  return (
    <span className="study-name-editor">
      <input
        className="input"
        aria-label="Study name"
        value={draft}
        maxLength={200}
        autoFocus
        disabled={busy}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') setDraft(null);
        }}
        data-testid="study-name-input"
      />
      <button type="button" className="button button-primary button-small" onClick={save} disabled={busy} data-testid="save-study-name">
        Save
      </button>
      <button type="button" className="button button-small" onClick={() => setDraft(null)} disabled={busy}>
        Cancel
      </button>
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
