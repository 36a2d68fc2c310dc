interface EmptyStateProps {
  onImport: () => void;
  onLoadSample: () => void;
  busy: boolean;
}

/** The first screen of a new install: it says what a usable file looks like before anyone has to guess. */
export function EmptyState({ onImport, onLoadSample, busy }: EmptyStateProps) {
  return (
    <section className="empty-state" data-testid="datasets-empty">
      <h2>No datasets yet</h2>
      <p>Import a CSV file of price bars, or start with one of the bundled samples.</p>
      <div className="empty-state-columns">
        <div>
          <h3>Columns</h3>
          <ul>
            <li>
              A time column named <code>date</code>, <code>datetime</code>, <code>timestamp</code> or <code>time</code>
            </li>
            <li>
              <code>close</code>, and optionally <code>open</code>, <code>high</code>, <code>low</code>, <code>adj close</code>,{' '}
              <code>volume</code>
            </li>
            <li>Other columns are ignored; the import says which.</li>
          </ul>
        </div>
        <div>
          <h3>Format</h3>
          <ul>
            <li>Comma, semicolon or tab separated</li>
            <li>
              ISO dates (<code>2024-03-15</code>), ISO date-times (<code>2024-03-15T14:30:00Z</code>), or epoch seconds or milliseconds
            </li>
          </ul>
        </div>
      </div>
      <div className="empty-state-actions">
        <button type="button" className="button button-primary" onClick={onImport} disabled={busy} data-testid="empty-import">
          Import CSV…
        </button>
        <button type="button" className="button" onClick={onLoadSample} disabled={busy} data-testid="empty-load-sample">
          Load sample data
        </button>
      </div>
      <p className="muted">You can also drop a file anywhere on this page.</p>
    </section>
  );
}
