import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive action gets a red button and the focus starts on Cancel. */
  destructive?: boolean;
  confirmTestId?: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks, then runs the action and stays open (showing the error) if it fails, so nothing fails silently. */
export function ConfirmDialog({ title, children, confirmLabel, destructive, confirmTestId, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      onClose={() => {
        if (!busy) onClose();
      }}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus={destructive}>
            Cancel
          </button>
          <button
            type="button"
            className={destructive ? 'button button-danger' : 'button button-primary'}
            onClick={() => void confirm()}
            disabled={busy}
            data-testid={confirmTestId}
          >
            {busy ? `${confirmLabel}…` : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
