import { ErrorPanel } from '../components/ErrorPanel';
import { ProgressBar } from '../components/ProgressBar';
import { formatBytes } from '../format/formatBytes';
import { formatBars } from '../format/formatNumber';
import type { ImportProgress } from '../../../shared';
import { ImportResultToast } from './ImportResultToast';
import { useImport } from './ImportContext';

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function parseProgress(progress: ImportProgress): { value: number | null; detail: string } {
  const value = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : null;
  const bytes = progress.totalBytes > 0 ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}` : formatBytes(progress.bytesRead);
  return { value, detail: `${formatBars(progress.bars)} read · ${bytes}` };
}

/** Progress of the running import, then its result or its error, right under the page header. */
export function ImportStatus() {
  const { activity, outcome, external, dismissOutcome } = useImport();

  return (
    <div className="import-status" aria-live="polite">
      {activity?.kind === 'uploading' ? (
        <ProgressBar
          testId="import-progress"
          label={`Uploading ${activity.subject}`}
          value={activity.total > 0 ? activity.sent / activity.total : null}
          detail={`${formatBytes(activity.sent)} of ${formatBytes(activity.total)}`}
        />
      ) : null}
      {activity?.kind === 'importing' ? (
        <ProgressBar
          testId="import-progress"
          label={`Importing ${activity.subject}`}
          {...(activity.progress ? parseProgress(activity.progress) : { value: null, detail: 'Reading…' })}
        />
      ) : null}
      {!activity && external ? (
        <ProgressBar testId="external-import-progress" label={`Importing ${baseName(external.file)}`} {...parseProgress(external)} />
      ) : null}
      {outcome?.kind === 'imported' ? <ImportResultToast result={outcome.result} onDismiss={dismissOutcome} /> : null}
      {outcome?.kind === 'failed' ? (
        <ErrorPanel title={`Could not import ${outcome.subject}`} error={outcome.error} onDismiss={dismissOutcome} testId="import-error" />
      ) : null}
    </div>
  );
}
