import { useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { toDisplayError } from '../format/formatError';

// Rendered as React elements (no raw HTML, unsafe URLs dropped by react-markdown's default transform), so notes
// cannot inject markup under the CSP; links open outside the app rather than navigating it away.
const markdownComponents: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
};

function RenderedNotes({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="notes-text notes-markdown" data-testid={testId}>
      <Markdown components={markdownComponents}>{text}</Markdown>
    </div>
  );
}

interface NotesEditorProps {
  notes: string;
  /** Saves the text; rejects with the reason it was refused (the editor then stays open with the text). */
  save: (notes: string) => Promise<unknown>;
  placeholder: string;
  testId: string;
}

/** Markdown notes, rendered, and edited in a monospaced text area with a live preview. Ctrl/Cmd+Enter saves, Escape cancels. */
export function NotesEditor({ notes, save, placeholder, testId }: NotesEditorProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (draft === null) {
    return (
      <div data-testid={testId}>
        {notes === '' ? <p className="notes-empty">{placeholder}</p> : <RenderedNotes text={notes} testId={`${testId}-text`} />}
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
        <span className="muted">Ctrl+Enter saves · Markdown</span>
      </div>
      {draft.trim() !== '' ? (
        <div className="notes-preview" aria-label="Preview" data-testid={`${testId}-preview`}>
          <RenderedNotes text={draft} />
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
