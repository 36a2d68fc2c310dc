import type { ReactNode } from 'react';

interface ToastProps {
  tone: 'success' | 'info';
  children: ReactNode;
  onDismiss: () => void;
  testId?: string;
}

/**
 * A banner that stays until dismissed: import results carry notes (gaps, ignored columns) worth reading, and a
 * message that vanishes on a timer would take them along.
 */
export function Toast({ tone, children, onDismiss, testId }: ToastProps) {
  return (
    <div className={`toast toast-${tone}`} role="status" data-testid={testId}>
      <div className="toast-content">{children}</div>
      <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
