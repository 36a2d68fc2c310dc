import { useState } from 'react';
import { useNavigate } from '../app/NavigationContext';
import { routeHref } from '../app/route';
import { ErrorPanel } from '../components/ErrorPanel';
import { DatasetHeader } from './DatasetHeader';
import { DatasetPriceChart } from './DatasetPriceChart';
import { DatasetStatsPanel } from './DatasetStatsPanel';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { useDataset } from './useDataset';

export function DatasetView({ id }: { id: string }) {
  const { dataset, gone, error, reload } = useDataset(id);
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);

  if (gone) {
    return (
      <div className="page">
        <section className="empty-state" data-testid="dataset-gone">
          <h2>This dataset is not in the store</h2>
          <p>It was deleted, or the link points to a dataset from another data folder.</p>
          <a className="button" href={routeHref({ page: 'datasets' })}>
            Back to datasets
          </a>
        </section>
      </div>
    );
  }

  return (
    <div className="page dataset-page">
      {error ? <ErrorPanel title="Could not load the dataset" error={error} /> : null}
      {!dataset && !error ? <p className="muted">Loading dataset…</p> : null}
      {dataset ? (
        <>
          <DatasetHeader dataset={dataset} onRenamed={reload} onDelete={() => setDeleting(true)} />
          <DatasetPriceChart dataset={dataset} />
          <DatasetStatsPanel dataset={dataset} />
        </>
      ) : null}
      {deleting && dataset ? (
        <DeleteDatasetDialog dataset={dataset} onClose={() => setDeleting(false)} onDeleted={() => navigate({ page: 'datasets' })} />
      ) : null}
    </div>
  );
}
