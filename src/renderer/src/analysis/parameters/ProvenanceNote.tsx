import type { ParametersReport } from '../../../../shared';
import { formatDateTime } from '../../format/formatDate';
import { formatDecimal, formatInteger } from '../../format/formatNumber';

type Provenance = ParametersReport['provenance'];

interface ProvenanceNoteProps {
  provenance: Provenance;
  /** Complete trials the study has now: more than the analysis used makes it stale too (a running study). */
  completeTrials: number;
  onRecompute: () => void;
  busy: boolean;
  testId?: string;
}

/** Where an analysis came from: when, from how many trials, how long it took; stale ones offer a recompute. */
export function ProvenanceNote({ provenance, completeTrials, onRecompute, busy, testId }: ProvenanceNoteProps) {
  const stale = provenance.stale || completeTrials > provenance.trialCount;
  return (
    <p className="analysis-provenance" data-testid={testId} data-stale={stale ? 'true' : 'false'}>
      Computed {formatDateTime(provenance.computedAt)} from {formatInteger(provenance.trialCount)} complete trial{provenance.trialCount === 1 ? '' : 's'} in{' '}
      {formatDecimal(provenance.durationMs / 1000, 1)} s{provenance.cached ? ' (saved result)' : ''}.
      {stale ? (
        <>
          {' '}
          <span className="analysis-stale">Stale: the study has {formatInteger(Math.max(completeTrials, provenance.trialCount + 1))} complete trials now.</span>{' '}
          <button type="button" className="link-button" onClick={onRecompute} disabled={busy} data-testid={testId ? `${testId}-recompute` : undefined}>
            Recompute
          </button>
        </>
      ) : null}
    </p>
  );
}
