import type { ImportResult } from '../../../shared';
import { useNavigate } from '../app/NavigationContext';
import { Toast } from '../components/Toast';
import { formatBars } from '../format/formatNumber';

export function ImportResultToast({ result, onDismiss }: { result: ImportResult; onDismiss: () => void }) {
  const navigate = useNavigate();
  const { dataset, alreadyExisted, notes } = result;
  return (
    <Toast tone={alreadyExisted ? 'info' : 'success'} onDismiss={onDismiss} testId="import-result">
      <div className="toast-line">
        <span className="toast-message">
          {alreadyExisted
            ? `Already in the store as ${dataset.name}`
            : `Imported ${dataset.name}: ${formatBars(dataset.bars)} (${dataset.frequency.label})`}
        </span>
        <button type="button" className="button button-small" onClick={() => navigate({ page: 'dataset', id: dataset.id })}>
          Open
        </button>
      </div>
      {notes.length > 0 ? (
        <ul className="toast-notes" data-testid="import-notes">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      ) : null}
    </Toast>
  );
}
