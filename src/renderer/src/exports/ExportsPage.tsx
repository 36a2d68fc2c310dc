// The Exports page: every export made (what, when, where to), and for any of them a re-validation on a dataset
// (the drift report). Files exported elsewhere can be checked too, by opening them.
import { useCallback, useEffect, useState } from 'react';
import type { DriftReport, ExportRecord, ExportSource } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { routeHref } from '../app/route';
import { ErrorPanel } from '../components/ErrorPanel';
import { SelectField } from '../forms/SelectField';
import { useDatasets } from '../datasets/useDatasets';
import { formatDateTime } from '../format/formatDate';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { DriftReportView } from './DriftReportView';
import { selectionText, shortHash } from './exportText';
import './exports.css';

interface Target {
  label: string;
  source: ExportSource;
  /** The history entry, when the file came from it. */
  id?: string;
}

export function ExportsPage() {
  const client = useClient();
  const { datasets } = useDatasets();
  const [history, setHistory] = useState<ExportRecord[] | null>(null);
  const [error, setError] = useState<DisplayError | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [datasetId, setDatasetId] = useState('');
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<DriftReport | null>(null);
  const [runError, setRunError] = useState<DisplayError | null>(null);

  const reload = useCallback(() => {
    client.api.exports.history({}).then(
      (list) => setHistory(list),
      (err: unknown) => setError(toDisplayError(err)),
    );
  }, [client]);
  useEffect(reload, [reload]);

  const choose = (t: Target) => {
    setTarget(t);
    setReport(null);
    setRunError(null);
    window.requestAnimationFrame(() => document.getElementById('revalidate-anchor')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then(
      (text) => choose({ label: file.name, source: { kind: 'content', name: file.name, text } }),
      (err: unknown) => setRunError(toDisplayError(err)),
    );
  };

  const revalidate = () => {
    if (!target || !datasetId) return;
    setRunning(true);
    setRunError(null);
    setReport(null);
    client.api.exports.revalidate({ source: target.source, datasetId }).then(
      (r) => {
        setRunning(false);
        setReport(r);
      },
      (err: unknown) => {
        setRunning(false);
        setRunError(toDisplayError(err));
      },
    );
  };

  return (
    <div className="page exports-page" data-testid="exports-page">
      <header className="page-header">
        <div>
          <h1>Exports</h1>
          <p className="muted">Every trial exported to a file, newest first. Re-validate one on a dataset to see how its performance has moved.</p>
        </div>
        <div className="study-actions">
          <label className="button">
            Check a file…
            <input type="file" accept=".yaml,.yml,.json" className="visually-hidden" onChange={(e) => openFile(e.target.files?.[0])} data-testid="exports-open-file" />
          </label>
        </div>
      </header>
      {error ? <ErrorPanel title="Could not read the export history" error={error} /> : null}
      <section className="panel">
        {history === null ? (
          <p className="muted">Loading the export history…</p>
        ) : history.length === 0 ? (
          <p className="muted" data-testid="exports-empty">
            No exports yet. Open a study and use <strong>Export…</strong> to write its best trial, its robust optimum or any trial to a file. <a href={routeHref({ page: 'studies' })}>Studies</a>
          </p>
        ) : (
          <div className="table-frame">
            <table className="data-table" data-testid="exports-table">
              <thead>
                <tr>
                  <th>Exported</th>
                  <th>Study</th>
                  <th>Configuration</th>
                  <th>Format</th>
                  <th>File</th>
                  <th>Checksum</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {history.map((r) => (
                  <tr key={r.id} className={target?.id === r.id ? 'export-row-selected' : undefined} data-testid="export-row">
                    <td>{formatDateTime(r.createdAt)}</td>
                    <td className="export-study-cell">
                      <a href={routeHref({ page: 'study', id: r.studyId })}>{r.studyName}</a>
                    </td>
                    <td>{selectionText(r)}</td>
                    <td>{r.format.toUpperCase()}</td>
                    <td title={r.path}>
                      <span className="export-file">{r.path.split(/[\\/]/).pop()}</span>
                    </td>
                    <td>
                      <code className="hash" title={r.checksum}>
                        {shortHash(r.checksum)}
                      </code>
                    </td>
                    <td>
                      <button type="button" className="button button-small" onClick={() => choose({ label: r.path, source: { kind: 'path', path: r.path }, id: r.id })} data-testid="export-revalidate">
                        Re-validate…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div id="revalidate-anchor" />
      {target ? (
        <section className="panel revalidate-panel" data-testid="revalidate-panel">
          <div className="panel-header">
            <h2 className="panel-title">Re-validate {target.label.split(/[\\/]/).pop()}</h2>
            <button type="button" className="button button-small" onClick={() => setTarget(null)}>
              Close
            </button>
          </div>
          <p className="muted">
            The file’s checksum and schema are checked, then the same strategy, parameters and settings run on the dataset you choose. On the exported data the
            metrics must come out exactly as exported; on other data they are compared with the exported out-of-sample figures and bootstrap interval.
          </p>
          <div className="revalidate-controls">
            <SelectField
              label="Dataset"
              value={datasetId}
              placeholder={datasets === null ? 'Loading datasets…' : 'Choose a dataset'}
              disabled={datasets === null}
              options={(datasets ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.bars.toLocaleString('en-US')} bars)` }))}
              onChange={setDatasetId}
              testId="revalidate-dataset"
            />
            <button type="button" className="button button-primary" disabled={!datasetId || running} onClick={revalidate} data-testid="revalidate-run">
              {running ? 'Running…' : 'Re-validate'}
            </button>
          </div>
          {runError ? <ErrorPanel title="Re-validation failed" error={runError} onDismiss={() => setRunError(null)} testId="revalidate-error" /> : null}
          {report ? <DriftReportView report={report} /> : null}
        </section>
      ) : null}
    </div>
  );
}
