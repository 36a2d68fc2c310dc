import { useState } from 'react';
import type { DatasetSummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useNavigate } from '../app/NavigationContext';
import { routeHref } from '../app/route';
import { formatTimestamp } from '../format/formatDate';
import { hashPrefix } from '../format/formatHash';
import { formatInteger } from '../format/formatNumber';
import { RenameField } from './RenameField';

interface DatasetRowProps {
  dataset: DatasetSummary;
  onDelete: (dataset: DatasetSummary) => void;
  onChanged: () => void;
}

export function DatasetRow({ dataset, onDelete, onChanged }: DatasetRowProps) {
  const client = useClient();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const seconds = dataset.frequency.seconds;

  return (
    <tr data-testid="dataset-row" data-dataset-name={dataset.name} data-dataset-id={dataset.id}>
      <td className="cell-name">
        {renaming ? (
          <RenameField
            name={dataset.name}
            label={`New name for ${dataset.name}`}
            onSave={async (name) => {
              await client.api.datasets.rename({ id: dataset.id, name });
              onChanged();
            }}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <a href={routeHref({ page: 'dataset', id: dataset.id })} className="dataset-link">
            {dataset.name}
          </a>
        )}
      </td>
      <td className="numeric" data-testid="dataset-bars">
        {formatInteger(dataset.bars)}
      </td>
      <td className="cell-date">{formatTimestamp(dataset.first, seconds)}</td>
      <td className="cell-date">{formatTimestamp(dataset.last, seconds)}</td>
      <td className="cell-frequency">{dataset.frequency.label}</td>
      <td>
        <code className="hash" title={dataset.hash}>
          {hashPrefix(dataset.hash)}
        </code>
      </td>
      <td className="cell-source" title={dataset.source}>
        <span className="truncate">{dataset.source}</span>
      </td>
      <td className="cell-actions">
        <button
          type="button"
          className="button button-small"
          aria-label={`Open ${dataset.name}`}
          data-testid="open-dataset"
          onClick={() => navigate({ page: 'dataset', id: dataset.id })}
        >
          Open
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`Rename ${dataset.name}`}
          data-testid="rename-dataset"
          onClick={() => setRenaming(true)}
          disabled={renaming}
        >
          Rename
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          aria-label={`Delete ${dataset.name}`}
          data-testid="delete-dataset"
          onClick={() => onDelete(dataset)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
