import type { RobustnessReport } from '../../../../shared';
import { formatDateTime } from '../../format/formatDate';
import { formatInteger } from '../../format/formatNumber';
import { formatDuration } from '../../studies/studyFormat';

interface ProvenanceLineProps {
  provenance: RobustnessReport['provenance'];
  stale: boolean;
  /** Complete trials the study has beyond those the report used. */
  newTrials: number;
  /** Null while a computation runs. */
  onRecompute: (() => void) | null;
}

/** Where the numbers on screen come from: when, from how many trials, computed now or from the store, and whether the study has moved on. */
export function ProvenanceLine({ provenance, stale, newTrials, onRecompute }: ProvenanceLineProps) {
  const took = provenance.durationMs < 1000 ? `${formatInteger(provenance.durationMs)} ms` : formatDuration(provenance.durationMs / 1000);
  return (
    <p className="robustness-provenance" data-testid="robustness-provenance" data-stale={stale ? 'true' : 'false'}>
      <span>
        Computed {formatDateTime(provenance.computedAt)} UTC in {took} from {formatInteger(provenance.trialCount)} complete trial{provenance.trialCount === 1 ? '' : 's'}
        {provenance.cached ? ', served from the store' : ''}.
      </span>
      {stale ? (
        <span className="robustness-stale">
          {' '}
          The study has {newTrials > 0 ? `${formatInteger(newTrials)} new trial${newTrials === 1 ? '' : 's'}` : 'new trials'} since —{' '}
          {onRecompute ? (
            <button type="button" className="link-button" onClick={onRecompute} data-testid="robustness-stale-recompute">
              recompute
            </button>
          ) : (
            'recomputing'
          )}
          .
        </span>
      ) : null}
    </p>
  );
}
