export function DropOverlay({ busy }: { busy: boolean }) {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">{busy ? 'Wait for the current import to finish' : 'Drop a CSV file to import it'}</div>
    </div>
  );
}
