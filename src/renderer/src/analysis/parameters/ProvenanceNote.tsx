import type { ParametersReport } from '../../../../shared';
import { formatDateTime } from '../../format/formatDate';
import { formatDecimal, formatInteger } from '../../format/formatNumber';

type Provenance = ParametersReport['provenance'];

/** Where an analysis came from: when, from how many trials, how long it took; stale ones offer a recompute. */
export function ProvenanceNote({ provenance, onRecompute, busy, testId }: { provenance: Provenance; onRecompute: () => void; busy: boolean; testId?: string }) {
  return (
    <p className="analysis-provenance" data-testid={testId} data-stale={provenance.stale ? 'true' : 'false'}>
      Computed {formatDateTime(provenance.computedAt)} from {formatInteger(provenance.trialCount)} complete trial{provenance.trialCount === 1 ? '' : 's'} in{' '}
      {formatDecimal(provenance.durationMs / 1000, 1)} s{provenance.cached ? ' (saved result)' : ''}.
      {provenance.stale ? (
        <>
          {' '}
          <span className="analysis-stale">Stale: the study has more trials now.</span>{' '}
          <button type="button" className="link-button" onClick={onRecompute} disabled={busy} data-testid={testId ? `${testId}-recompute` : undefined}>
            Recompute
          </button>
        </>
      ) : null}
    </p>
  );
}
