import { useState } from 'react';
import type { StudyDetail, StudySummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useNavigate } from '../app/NavigationContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatInteger } from '../format/formatNumber';
import { ContinueStudyDialog } from './ContinueStudyDialog';
import { ExportTrialsDialog } from './ExportTrialsDialog';

interface StudyManagementActionsProps {
  detail: StudyDetail;
  summary: StudySummary;
}

/** Continue tuning, export the trials and delete: the dashboard's buttons for what outlives one run of a study. */
export function StudyManagementActions({ detail, summary }: StudyManagementActionsProps) {
  const client = useClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'continue' | 'export' | 'delete' | null>(null);
  const running = summary.status === 'running';
  const trials = summary.counts.complete + summary.counts.failed + summary.counts.pruned + summary.counts.running;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={running}
        title={running ? 'Pause or stop the study first' : 'A new study from this one, with a changed space, seeded with its trials'}
        onClick={() => setOpen('continue')}
        data-testid="continue-study"
      >
        Continue tuning…
      </button>
      <button type="button" className="button" onClick={() => setOpen('export')} data-testid="export-trials">
        Export trials…
      </button>
      <button
        type="button"
        className="button button-danger-quiet"
        disabled={running}
        title={running ? 'Pause or stop the study first' : undefined}
        onClick={() => setOpen('delete')}
        data-testid="delete-study"
      >
        Delete…
      </button>
      {open === 'continue' ? <ContinueStudyDialog detail={detail} onClose={() => setOpen(null)} /> : null}
      {open === 'export' ? <ExportTrialsDialog summary={summary} onClose={() => setOpen(null)} /> : null}
      {open === 'delete' ? (
        <ConfirmDialog
          title="Delete this study?"
          confirmLabel="Delete study"
          destructive
          confirmTestId="confirm-delete-study"
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await client.api.studies.delete({ id: summary.id });
            navigate({ page: 'studies' });
          }}
        >
          <p>
            “{summary.name}” and its {formatInteger(trials)} trials, notes and analyses are deleted for good. Studies continued from it keep their own copies of its
            trials. Exports already written are not touched.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
