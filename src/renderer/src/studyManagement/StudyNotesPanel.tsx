import type { StudySummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { routeHref } from '../app/route';
import { NotesEditor } from './NotesEditor';
import { StudyTagsEditor } from './StudyTagsEditor';

interface StudyNotesPanelProps {
  summary: StudySummary;
  onChanged: (summary: StudySummary) => void;
}

/** The study's notes and tags, under its title; and, for a continued study, a link to the study it came from. */
export function StudyNotesPanel({ summary, onChanged }: StudyNotesPanelProps) {
  const client = useClient();
  return (
    <section className="panel notes-panel" aria-label="Notes and tags" data-testid="study-notes-panel">
      <div className="notes-row">
        <div className="notes-main">
          <p className="notes-label">Notes</p>
          <NotesEditor
            notes={summary.notes}
            placeholder="No notes yet: what you tried, what you concluded, what to try next."
            testId="study-notes"
            save={(notes) => client.api.studies.setNotes({ id: summary.id, notes }).then(onChanged)}
          />
        </div>
        <div className="notes-tags">
          <p className="notes-label">Tags</p>
          <StudyTagsEditor summary={summary} onChanged={onChanged} />
          {summary.parentId ? (
            <p className="muted" data-testid="study-parent">
              Continued from <a href={routeHref({ page: 'study', id: summary.parentId })}>{summary.parentId}</a>, seeded with its trials inside this space.
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
