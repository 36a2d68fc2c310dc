import type { StudyTrial } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { NotesEditor } from './NotesEditor';

interface TrialNotesEditorProps {
  studyId: string;
  trial: StudyTrial;
  onSaved: (trial: StudyTrial) => void;
}

/** Notes on one trial (why it is interesting, what it did out of sample), under its profile. */
export function TrialNotesEditor({ studyId, trial, onSaved }: TrialNotesEditorProps) {
  const client = useClient();
  return (
    <section className="panel trial-notes" aria-label={`Notes on trial ${trial.number}`}>
      <p className="notes-label">Notes on trial {trial.number}</p>
      <NotesEditor
        key={trial.number}
        notes={trial.notes ?? ''}
        placeholder="No notes on this trial."
        testId="trial-notes"
        save={(notes) => client.api.studies.setTrialNotes({ id: studyId, number: trial.number, notes }).then(onSaved)}
      />
    </section>
  );
}
