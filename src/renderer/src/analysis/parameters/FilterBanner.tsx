import { formatInteger } from '../../format/formatNumber';

/** "N of M trials match" while the parallel-coordinates brush filters the trials, with a way to clear it. */
export function FilterBanner({ matching, total, onClear }: { matching: number; total: number; onClear: () => void }) {
  return (
    <div className="trial-filter-banner" role="status" data-testid="trial-filter-banner">
      <span data-testid="trial-filter-count">
        {formatInteger(matching)} of {formatInteger(total)} trials match the brushed ranges
      </span>
      <button type="button" className="button button-small" onClick={onClear} data-testid="clear-trial-filter">
        Clear filter
      </button>
    </div>
  );
}
