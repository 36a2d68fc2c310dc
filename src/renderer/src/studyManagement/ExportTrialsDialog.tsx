import { useState } from 'react';
import type { StudySummary, TrialsExportResult } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useAppInfo } from '../app/useAppInfo';
import { Dialog } from '../components/Dialog';
import { SegmentedControl } from '../components/SegmentedControl';
import { formatBytes } from '../format/formatBytes';
import { toDisplayError } from '../format/formatError';
import { formatInteger } from '../format/formatNumber';

interface ExportTrialsDialogProps {
  summary: StudySummary;
  onClose: () => void;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'study';
}

/** Writes the trials (one row each, typed columns) to a CSV or Parquet file on this machine, for pandas or R. */
export function ExportTrialsDialog({ summary, onClose }: ExportTrialsDialogProps) {
  const client = useClient();
  const info = useAppInfo();
  const [format, setFormat] = useState<'csv' | 'parquet'>('csv');
  const [path, setPath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TrialsExportResult | null>(null);
  const sep = info?.dataDir.includes('\\') ? '\\' : '/';
  const suggested = info ? `${info.dataDir}${sep}${slug(summary.name)}-trials.${format}` : '';
  const target = path ?? suggested;

  const submit = () => {
    setBusy(true);
    setError(null);
    setResult(null);
    client.api.studies.exportTrials({ id: summary.id, format, path: target.trim() }).then(
      (r) => {
        setBusy(false);
        setResult(r);
      },
      (err: unknown) => {
        setBusy(false);
        setError(toDisplayError(err).message);
      },
    );
  };
  return (
    <Dialog
      title="Export trials"
      onClose={() => (busy ? undefined : onClose())}
      testId="export-trials-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="button button-primary" onClick={submit} disabled={busy || target.trim() === ''} data-testid="confirm-export-trials">
            {busy ? 'Writing…' : 'Write file'}
          </button>
        </>
      }
    >
      <p className="muted">
        One row per trial: number, state, <code>params_*</code>, <code>values_*</code>, every <code>metric_*</code>, fail reason, duration, cached, notes and the start
        and finish times (UTC).
      </p>
      <SegmentedControl
        label="Format"
        options={[
          { value: 'csv', label: 'CSV' },
          { value: 'parquet', label: 'Parquet' },
        ]}
        value={format}
        onChange={(f) => {
          setFormat(f);
          if (path !== null) setPath(path.replace(/\.(csv|parquet)$/, `.${f}`));
        }}
        testId="export-format"
      />
      <div className="form-field">
        <label htmlFor="export-path">File (on this computer; the folder must exist)</label>
        <input id="export-path" className="input" value={target} onChange={(e) => setPath(e.target.value)} data-testid="export-path" />
      </div>
      {result ? (
        <p className="backup-result" data-testid="export-result">
          Wrote {formatInteger(result.rows)} trials and {result.columns.length} columns to <code>{result.path}</code> ({formatBytes(result.bytes)}).
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
