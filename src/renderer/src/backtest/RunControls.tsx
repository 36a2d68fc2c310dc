interface RunControlsProps {
  canRun: boolean;
  /** Why nothing can run when that is not a field's fault (no dataset or strategy chosen yet). */
  blocked: string | null;
  running: boolean;
  /** A first run has happened, so changes re-run by themselves. */
  armed: boolean;
  /** The results on screen are for other settings than the form's (the form is invalid or a run is pending). */
  stale: boolean;
}

/** The submit button of the setup form, with what the page is doing or waiting for. */
export function RunControls({ canRun, blocked, running, armed, stale }: RunControlsProps) {
  let status: string;
  if (running) status = 'Running…';
  else if (blocked) status = blocked;
  else if (!canRun) status = 'Fix the marked fields to run.';
  else if (stale) status = 'Settings changed; re-running…';
  else if (armed) status = 'Changes re-run the backtest automatically.';
  else status = '';
  return (
    <div className="run-controls">
      <button type="submit" className="button button-primary run-button" disabled={!canRun} data-testid="run-backtest">
        {running ? 'Running…' : 'Run backtest'}
      </button>
      <p className={!canRun && !blocked ? 'run-status form-error' : 'run-status muted'} role="status" aria-live="polite" data-testid="run-status">
        {status}
      </p>
    </div>
  );
}
