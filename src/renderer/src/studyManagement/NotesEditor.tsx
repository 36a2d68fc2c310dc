import { useState } from 'react';
import { toDisplayError } from '../format/formatError';

interface NotesEditorProps {
  notes: string;
  /** Saves the text; rejects with the reason it was refused (the editor then stays open with the text). */
  save: (notes: string) => Promise<unknown>;
  placeholder: string;
  testId: string;
}

/**
 * Markdown notes, shown as written (pre-wrapped plain text: no Markdown renderer is installed, and the source reads
 * well as it is) and edited in a monospaced text area. Ctrl/Cmd+Enter saves, Escape cancels.
 */
export function NotesEditor({ notes, save, placeholder, testId }: NotesEditorProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (draft === null) {
    return (
      <div data-testid={testId}>
        {notes === '' ? <p className="notes-empty">{placeholder}</p> : <pre className="notes-text" data-testid={`${testId}-text`}>{notes}</pre>}
        <div className="notes-actions">
          <button type="button" className="button button-small" onClick={() => setDraft(notes)} data-testid={`${testId}-edit`}>
            {notes === '' ? 'Add notes' : 'Edit notes'}
          </button>
        </div>
      </div>
    );
  }
  const commit = () => {
    setBusy(true);
    setError(null);
    save(draft).then(
      () => {
        setBusy(false);
        setDraft(null);
      },
      (err: unknown) => {
        setBusy(false);
        setError(toDisplayError(err).message);
      },
    );
  };
  return (
    <div data-testid={testId}>
      <textarea
        className="notes-textarea"
        aria-label="Notes (Markdown)"
        value={draft}
        autoFocus
        disabled={busy}
        placeholder="Markdown: # headings, - lists, *emphasis*, `code`"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          if (e.key === 'Escape') setDraft(null);
        }}
        data-testid={`${testId}-input`}
      />
      <div className="notes-actions">
        <button type="button" className="button button-primary button-small" onClick={commit} disabled={busy} data-testid={`${testId}-save`}>
          {busy ? 'Saving…' : 'Save notes'}
        </button>
        <button type="button" className="button button-small" onClick={() => setDraft(null)} disabled={busy}>
          Cancel
        </button>
        <span className="muted">Ctrl+Enter saves · Markdown source, shown as written</span>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
