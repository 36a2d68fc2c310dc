import { useEffect, useRef, useState } from 'react';
import type { DatasetSummary } from '../../../shared';
import { ErrorPanel } from '../components/ErrorPanel';
import { DatasetTable } from './DatasetTable';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { DropOverlay } from './DropOverlay';
import { EmptyState } from './EmptyState';
import { useImport } from './ImportContext';
import { ImportStatus } from './ImportStatus';
import { ImportToolbar } from './ImportToolbar';
import { SampleDialog } from './SampleDialog';
import { useDatasets } from './useDatasets';
import { useFileDrop } from './useFileDrop';

export function DatasetsPage() {
  const { datasets, error, reload } = useDatasets();
  const importer = useImport();
  const fileInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [samplesOpen, setSamplesOpen] = useState(false);
  const [toDelete, setToDelete] = useState<DatasetSummary | null>(null);

  const startImport = (file: File) => {
    importer.importFile(file, name);
    // The name belongs to this one file; the next import should not silently reuse it.
    setName('');
  };
  const drop = useFileDrop((files) => startImport(files[0]), !importer.busy);

  // A finished import is also announced by 'datasets.changed', but not every transport is guaranteed to deliver
  // events (a reconnecting browser tab), so the list is refreshed here as well.
  const { outcome } = importer;
  useEffect(() => {
    if (outcome?.kind === 'imported') reload();
  }, [outcome, reload]);

  const pickFile = () => fileInput.current?.click();

  return (
    <div className="page datasets-page" {...drop.handlers}>
      <header className="page-header">
        <h1>Datasets</h1>
        <ImportToolbar name={name} onNameChange={setName} onImport={pickFile} onLoadSample={() => setSamplesOpen(true)} busy={importer.busy} />
      </header>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,.txt,.tsv,text/csv"
        hidden
        data-testid="import-file-input"
        aria-label="CSV file to import"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) fires another change event.
          event.target.value = '';
          if (file) startImport(file);
        }}
      />
      <ImportStatus />
      {error ? <ErrorPanel title="Could not list the datasets" error={error} /> : null}
      {datasets === null ? (
        error ? null : <p className="muted">Loading datasets…</p>
      ) : datasets.length === 0 ? (
        <EmptyState onImport={pickFile} onLoadSample={() => setSamplesOpen(true)} busy={importer.busy} />
      ) : (
        <DatasetTable datasets={datasets} onDelete={setToDelete} onChanged={reload} />
      )}
      {drop.dragging ? <DropOverlay busy={importer.busy} /> : null}
      {samplesOpen ? (
        <SampleDialog
          onClose={() => setSamplesOpen(false)}
          onPick={(sample) => {
            setSamplesOpen(false);
            importer.loadSample(sample);
          }}
        />
      ) : null}
      {toDelete ? <DeleteDatasetDialog dataset={toDelete} onClose={() => setToDelete(null)} onDeleted={reload} /> : null}
    </div>
  );
}
