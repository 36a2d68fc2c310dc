import type { Verdict } from '../../../../shared';

const LEVELS: Record<Verdict['level'], { label: string; icon: string }> = {
  trustworthy: { label: 'Trustworthy', icon: '✓' },
  caution: { label: 'Caution', icon: '!' },
  overfit: { label: 'Probably overfit', icon: '✕' },
  insufficient: { label: 'Not enough evidence', icon: '?' },
};

/** The verdict in plain words: its level as colour, icon and word, the headline, and one reason per number. */
export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  const level = LEVELS[verdict.level];
  // A verdict with one reason often repeats it as the headline; it is said once.
  const reasons = verdict.reasons.filter((r) => r !== verdict.headline);
  return (
    <section className={`verdict verdict-${verdict.level}`} role="status" aria-label={`Verdict: ${level.label}`} data-testid="robustness-verdict" data-level={verdict.level}>
      <span className="verdict-icon" aria-hidden="true">
        {level.icon}
      </span>
      <div className="verdict-body">
        <p className="verdict-level">{level.label}</p>
        <p className="verdict-headline" data-testid="robustness-headline">
          {verdict.headline}
        </p>
        {reasons.length > 0 ? (
          <ul className="verdict-reasons">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
