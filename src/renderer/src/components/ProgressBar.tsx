interface ProgressBarProps {
  /** 0..1, or null when the total is not known yet. */
  value: number | null;
  label: string;
  detail?: string;
  testId?: string;
}

export function ProgressBar({ value, label, detail, testId }: ProgressBarProps) {
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-text">
        <span className="progress-label">{label}</span>
        {detail ? <span className="progress-detail">{detail}</span> : null}
      </div>
      <div
        className={percent === null ? 'progress-track progress-indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
