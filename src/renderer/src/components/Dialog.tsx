import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom edge. */
  actions?: ReactNode;
  testId?: string;
  wide?: boolean;
}

/**
 * A modal built on the native <dialog>: showModal() gives focus trapping, the top layer and Escape for free,
 * which a hand-rolled overlay would have to reimplement. Mount it to open it; unmount it to close it.
 */
export function Dialog({ title, onClose, children, actions, testId, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-label={title}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog never closes without the parent knowing.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // The dialog element itself is only the target when the click landed on the backdrop.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog-body">
        <h2 className="dialog-title">
          {title}
        </h2>
        {children}
        {actions ? <div className="dialog-actions">{actions}</div> : null}
      </div>
    </dialog>
  );
}
