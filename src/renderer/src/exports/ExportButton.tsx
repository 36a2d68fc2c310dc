// The study dashboard's Export button: opens the export dialog for this study.
import { useState } from 'react';
import type { StudySummary, StudyTrial } from '../../../shared';
import { ExportDialog } from './ExportDialog';

export function ExportButton({ summary, trials }: { summary: StudySummary; trials: StudyTrial[] }) {
  const [open, setOpen] = useState(false);
  const complete = summary.counts.complete > 0;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={!complete}
        title={complete ? 'Export a trial with its provenance to YAML or JSON' : 'No complete trial to export yet'}
        onClick={() => setOpen(true)}
        data-testid="export-study"
      >
        Export configuration…
      </button>
      {open ? <ExportDialog summary={summary} trials={trials} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
