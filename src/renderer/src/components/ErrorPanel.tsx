import { describeError, type DisplayError } from '../format/formatError';

interface ErrorPanelProps {
  title: string;
  error: DisplayError;
  onDismiss?: () => void;
  testId?: string;
}

/** An error with the place it points at spelled out, so a researcher can open the file at the right line. */
export function ErrorPanel({ title, error, onDismiss, testId }: ErrorPanelProps) {
  const loc = error.location;
  const hasPlace = loc && (loc.file !== undefined || loc.line !== undefined || loc.column !== undefined || loc.field !== undefined || loc.value !== undefined);
  return (
    <div className="error-panel" role="alert" data-testid={testId}>
      <div className="error-panel-header">
        <h3 className="error-panel-title">{title}</h3>
        {onDismiss ? (
          <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss error">
            ×
          </button>
        ) : null}
      </div>
      <p className="error-panel-message">{describeError(error)}</p>
      {hasPlace ? (
        <dl className="error-panel-location">
          {loc.file !== undefined ? (
            <>
              <dt>File</dt>
              <dd>{loc.file}</dd>
            </>
          ) : null}
          {loc.line !== undefined ? (
            <>
              <dt>Line</dt>
              <dd className="numeric">{loc.line}</dd>
            </>
          ) : null}
          {loc.column !== undefined ? (
            <>
              <dt>Column</dt>
              <dd>{loc.column}</dd>
            </>
          ) : null}
          {loc.field !== undefined ? (
            <>
              <dt>Field</dt>
              <dd>{loc.field}</dd>
            </>
          ) : null}
          {loc.value !== undefined ? (
            <>
              <dt>Value</dt>
              <dd>
                <code>{JSON.stringify(loc.value)}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
