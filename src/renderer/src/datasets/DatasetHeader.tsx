import { useState } from 'react';
import type { DatasetSummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useNavigate } from '../app/NavigationContext';
import { routeHref } from '../app/route';
import { CopyButton } from '../components/CopyButton';
import { formatDateTime, formatRange } from '../format/formatDate';
import { formatInteger } from '../format/formatNumber';
import { RenameField } from './RenameField';

interface DatasetHeaderProps {
  dataset: DatasetSummary;
  onRenamed: () => void;
  onDelete: () => void;
}

export function DatasetHeader({ dataset, onRenamed, onDelete }: DatasetHeaderProps) {
  const client = useClient();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);

  return (
    <header className="dataset-header">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={routeHref({ page: 'datasets' })}>Datasets</a>
        <span aria-hidden="true"> / </span>
      </nav>
      <div className="dataset-title-row">
        {renaming ? (
          <RenameField
            name={dataset.name}
            label={`New name for ${dataset.name}`}
            onSave={async (name) => {
              await client.api.datasets.rename({ id: dataset.id, name });
              onRenamed();
            }}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <h1 data-testid="dataset-name">{dataset.name}</h1>
        )}
        <div className="dataset-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => navigate({ page: 'backtest', dataset: dataset.id })}
            data-testid="backtest-dataset"
          >
            Backtest
          </button>
          <button type="button" className="button" onClick={() => setRenaming(true)} disabled={renaming} data-testid="rename-dataset">
            Rename
          </button>
          <button type="button" className="button button-danger-quiet" onClick={onDelete} data-testid="delete-dataset">
            Delete
          </button>
        </div>
      </div>
      <dl className="meta-grid">
        <div>
          <dt>Bars</dt>
          <dd className="numeric" data-testid="dataset-bars">
            {formatInteger(dataset.bars)}
          </dd>
        </div>
        <div className="meta-wide">
          <dt>Range (UTC)</dt>
          <dd className="tabular">{formatRange(dataset.first, dataset.last, dataset.frequency.seconds)}</dd>
        </div>
        <div>
          <dt>Frequency</dt>
          <dd>{dataset.frequency.label}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd title={dataset.source}>{dataset.source}</dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd className="tabular">{formatDateTime(dataset.importedAt)} UTC</dd>
        </div>
        <div className="meta-hash">
          <dt>Hash (SHA-256)</dt>
          <dd>
            <code className="hash" data-testid="dataset-hash">
              {dataset.hash}
            </code>
            <CopyButton text={dataset.hash} label="Copy hash" testId="copy-hash" />
          </dd>
        </div>
      </dl>
    </header>
  );
}
