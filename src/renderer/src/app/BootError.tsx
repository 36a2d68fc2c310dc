// Shown instead of the app when no client could be made. In browser mode that nearly always means the page was
// opened without the access token that `holdout serve` puts in the URL it prints.

export function BootError({ message, mode }: { message: string; mode: 'desktop' | 'browser' }) {
  return (
    <div className="boot-error" role="alert" data-testid="boot-error">
      <div className="boot-error-card">
        <h1>Holdout could not connect to its back end</h1>
        <p className="boot-error-message">{message}</p>
        {mode === 'browser' ? (
          <>
            <p>In browser mode the page needs the access token that the server created when it started.</p>
            <ol>
              <li>
                Find the terminal where <code>holdout serve</code> is running (or start it again).
              </li>
              <li>Open the exact address it printed; that address carries the token.</li>
            </ol>
            <p>A bookmark, a typed address or a server that has since restarted will not carry a valid token.</p>
          </>
        ) : (
          <p>Restart Holdout. If this keeps happening, the log in the data folder says what failed.</p>
        )}
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </div>
  );
}
