import { useState } from 'react';
import type { StudySummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { toDisplayError } from '../format/formatError';

interface StudyTagsEditorProps {
  summary: StudySummary;
  onChanged: (summary: StudySummary) => void;
}

/** Tag chips with a remove button each, and a field that adds the typed tag on Enter (or several, comma-separated). */
export function StudyTagsEditor({ summary, onChanged }: StudyTagsEditorProps) {
  const client = useClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = (tags: string[]) => {
    setBusy(true);
    setError(null);
    client.api.studies.setTags({ id: summary.id, tags }).then(
      (next) => {
        setBusy(false);
        setText('');
        onChanged(next);
      },
      (err: unknown) => {
        setBusy(false);
        setError(toDisplayError(err).message);
      },
    );
  };
  const add = () => {
    const added = text
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (added.length === 0) return;
    const tooLong = added.find((t) => t.length > 40);
    if (tooLong) return setError(`"${tooLong.slice(0, 20)}…" is longer than 40 characters.`);
    save([...summary.tags, ...added]);
  };

  return (
    <div data-testid="study-tags">
      <div className="tag-chips">
        {summary.tags.map((tag) => (
          <span key={tag} className="tag-chip" data-testid="study-tag">
            {tag}
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tag}`} disabled={busy} onClick={() => save(summary.tags.filter((t) => t !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          className="tag-add-input"
          placeholder="+ add tag"
          aria-label="Add a tag"
          value={text}
          disabled={busy}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
          onBlur={add}
          data-testid="add-tag-input"
        />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
