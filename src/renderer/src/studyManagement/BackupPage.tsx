import { useState } from 'react';
import type { BackupResult, RestoreResult } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useAppInfo } from '../app/useAppInfo';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatBytes } from '../format/formatBytes';
import { toDisplayError } from '../format/formatError';
import { formatInteger } from '../format/formatNumber';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Backup and restore of the whole database. A backup is taken online (studies may keep running) and checked; a
 * restore checks the file, keeps the current database beside it, then swaps; it is refused while a study runs.
 */
export function BackupPage() {
  const client = useClient();
  const info = useAppInfo();
  const sep = info?.dataDir.includes('\\') ? '\\' : '/';
  const [backupPath, setBackupPath] = useState<string | null>(null);
  const [restorePath, setRestorePath] = useState('');
  const [busy, setBusy] = useState(false);
  const [backupError, setBackupError] = useState<string | null>(null);
  const [backup, setBackup] = useState<BackupResult | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const target = backupPath ?? (info ? `${info.dataDir}${sep}holdout-backup-${today()}.sqlite` : '');

  const runBackup = () => {
    setBusy(true);
    setBackupError(null);
    setBackup(null);
    client.api.backup.create({ path: target.trim() }).then(
      (r) => {
        setBusy(false);
        setBackup(r);
        setRestorePath((p) => (p === '' ? r.path : p));
      },
      (err: unknown) => {
        setBusy(false);
        setBackupError(toDisplayError(err).message);
      },
    );
  };

  return (
    <div className="page" data-testid="backup-page">
      <header className="page-header">
        <div>
          <h1>Backup and restore</h1>
          <p className="muted">The whole database: datasets, studies, trials, notes, analyses and settings{info ? <>, now in <code>{info.databasePath}</code></> : null}.</p>
        </div>
      </header>
      <div className="backup-grid">
        <section className="panel" aria-labelledby="backup-title">
          <h2 id="backup-title" className="panel-title">
            Back up
          </h2>
          <p className="muted">SQLite's online backup: safe while studies run; trials committed meanwhile are included. The copy is integrity-checked before it is kept.</p>
          <div className="form-field">
            <label htmlFor="backup-path">Backup file (on this computer)</label>
            <input id="backup-path" className="input" value={target} onChange={(e) => setBackupPath(e.target.value)} data-testid="backup-path" />
          </div>
          <button type="button" className="button button-primary" disabled={busy || target.trim() === ''} onClick={runBackup} data-testid="run-backup">
            {busy && !confirming ? 'Backing up…' : 'Back up now'}
          </button>
          {backup ? (
            <p className="backup-result" data-testid="backup-result">
              Backed up {count(backup.datasets, 'dataset')}, {count(backup.studies, 'study', 'studies')} and {count(backup.trials, 'trial')} to <code>{backup.path}</code> (
              {formatBytes(backup.bytes)} in {formatDuration(backup.durationMs)}). Integrity check: ok.
            </p>
          ) : null}
          {backupError ? (
            <p className="form-error" role="alert">
              {backupError}
            </p>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="restore-title">
          <h2 id="restore-title" className="panel-title">
            Restore
          </h2>
          <p className="muted">
            Replaces everything with the backup's content, after checking it is an intact Holdout database (an older one is upgraded). The current database is kept beside
            it first. Not while a study runs.
          </p>
          <div className="form-field">
            <label htmlFor="restore-path">Backup to restore</label>
            <input id="restore-path" className="input" value={restorePath} placeholder="/path/to/holdout-backup.sqlite" onChange={(e) => setRestorePath(e.target.value)} data-testid="restore-path" />
          </div>
          <button type="button" className="button button-danger" disabled={busy || restorePath.trim() === ''} onClick={() => setConfirming(true)} data-testid="run-restore">
            Restore…
          </button>
          {restored ? (
            <div className="backup-result" data-testid="restore-result">
              <p>
                Restored {count(restored.datasets, 'dataset')}, {count(restored.studies, 'study', 'studies')} and {count(restored.trials, 'trial')}
                {restored.fromSchemaVersion !== restored.schemaVersion ? ` (upgraded from schema version ${restored.fromSchemaVersion})` : ''}. The previous database is
                kept as <code>{restored.previousCopy}</code>.
              </p>
              <button type="button" className="button button-small" onClick={() => window.location.reload()}>
                Reload the app
              </button>
            </div>
          ) : null}
        </section>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Replace the database with this backup?"
          confirmLabel="Restore"
          destructive
          confirmTestId="confirm-restore"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            setBusy(true);
            try {
              setRestored(await client.api.backup.restore({ path: restorePath.trim() }));
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>
            Everything now in Holdout is replaced by the content of <code>{restorePath}</code>. The current database is first copied to a file named
            <code> holdout.before-restore-…sqlite</code> in the data folder, so nothing is lost.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}
