import type { StudySummary } from '../../../shared';
import { STATUS_LABEL } from './studyFormat';

export function StatusBadge({ status }: { status: StudySummary['status'] }) {
  return (
    <span className={`status-badge status-${status}`} data-testid="study-status" data-status={status}>
      {STATUS_LABEL[status]}
    </span>
  );
}
