import type { DatasetSummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatBars } from '../format/formatNumber';

interface DeleteDatasetDialogProps {
  dataset: DatasetSummary;
  onClose: () => void;
  onDeleted?: () => void;
}

export function DeleteDatasetDialog({ dataset, onClose, onDeleted }: DeleteDatasetDialogProps) {
  const client = useClient();
  return (
    <ConfirmDialog
      title={`Delete ${dataset.name}?`}
      confirmLabel="Delete"
      destructive
      confirmTestId="confirm-delete"
      onClose={onClose}
      onConfirm={async () => {
        await client.api.datasets.delete({ id: dataset.id });
        onDeleted?.();
      }}
    >
      <p>
        <strong>{dataset.name}</strong> and its {formatBars(dataset.bars)} will be removed from the store. This cannot be undone; the
        original file, if any, is not touched.
      </p>
    </ConfirmDialog>
  );
}
