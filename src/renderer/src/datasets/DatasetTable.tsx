import type { DatasetSummary } from '../../../shared';
import { DatasetRow } from './DatasetRow';

interface DatasetTableProps {
  datasets: DatasetSummary[];
  onDelete: (dataset: DatasetSummary) => void;
  onChanged: () => void;
}

export function DatasetTable({ datasets, onDelete, onChanged }: DatasetTableProps) {
  return (
    <div className="table-frame">
      <table className="data-table" data-testid="dataset-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="numeric">
              Bars
            </th>
            <th scope="col">First (UTC)</th>
            <th scope="col">Last (UTC)</th>
            <th scope="col">Frequency</th>
            <th scope="col">Hash</th>
            <th scope="col">Source</th>
            <th scope="col" className="cell-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <DatasetRow key={dataset.id} dataset={dataset} onDelete={onDelete} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
