import type { SampleInfo } from '../../../shared';
import { Dialog } from '../components/Dialog';
import { ErrorPanel } from '../components/ErrorPanel';
import { useSamples } from './useSamples';

interface SampleDialogProps {
  onPick: (sample: SampleInfo) => void;
  onClose: () => void;
}

export function SampleDialog({ onPick, onClose }: SampleDialogProps) {
  const { samples, error } = useSamples();
  return (
    <Dialog title="Load sample data" onClose={onClose} testId="sample-dialog" wide actions={<button type="button" className="button" onClick={onClose}>Cancel</button>}>
      <p className="dialog-lead">Real and synthetic price series that ship with Holdout, to try the app before importing your own.</p>
      {error ? <ErrorPanel title="Could not list the samples" error={error} /> : null}
      {samples === null && !error ? <p className="muted">Loading samples…</p> : null}
      {samples ? (
        <ul className="sample-list">
          {samples.map((sample) => (
            <li key={sample.id}>
              <button type="button" className="sample-option" data-testid={`sample-${sample.id}`} onClick={() => onPick(sample)}>
                <span className="sample-name">{sample.name}</span>
                <span className="sample-description">{sample.description}</span>
                <span className="sample-attribution">{sample.attribution}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
