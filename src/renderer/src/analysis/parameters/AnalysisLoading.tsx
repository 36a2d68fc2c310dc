/** What is being computed while an analysis runs, and for how long so far (they take seconds). */
export function AnalysisLoading({ what, elapsedSec, testId }: { what: string; elapsedSec: number; testId?: string }) {
  return (
    <p className="analysis-loading" role="status" data-testid={testId}>
      <span className="analysis-spinner" aria-hidden="true" />
      {what}
      {elapsedSec > 0 ? ` (${elapsedSec} s)` : ''}
    </p>
  );
}
