// The windows a form would create, one row each across the whole dataset: the in-sample bars the study tunes on
// and the out-of-sample bars its choice is tested on, so purge, embargo and overlap can be seen before starting.
import type { WalkForwardWindow } from '../../../core/validation/walkForwardWindows';
import { formatInteger } from '../format/formatNumber';

const MAX_ROWS = 24;

export function WindowPlanView({ windows, bars }: { windows: readonly WalkForwardWindow[]; bars: number }) {
  const shown = windows.length > MAX_ROWS ? windows.slice(0, MAX_ROWS) : windows;
  const pct = (bar: number) => `${(bar / bars) * 100}%`;
  return (
    <div className="wf-plan" data-testid="wf-plan" data-windows={windows.length}>
      <div className="wf-plan-legend" aria-hidden="true">
        <span className="wf-swatch wf-swatch-is" /> in sample (tuned on) <span className="wf-swatch wf-swatch-oos" /> out of sample (tested on)
      </div>
      <ol className="wf-plan-rows">
        {shown.map((w) => (
          <li key={w.index} className="wf-plan-row">
            <span className="wf-plan-label">W{w.index + 1}</span>
            <span className="wf-plan-track">
              <span
                className="wf-plan-span wf-plan-is"
                style={{ left: pct(w.inSample.from), width: pct(w.inSample.to - w.inSample.from) }}
                title={`Window ${w.index + 1} in sample: bars ${formatInteger(w.inSample.from)}–${formatInteger(w.inSample.to - 1)}`}
              />
              <span
                className="wf-plan-span wf-plan-oos"
                style={{ left: pct(w.outOfSample.from), width: pct(w.outOfSample.to - w.outOfSample.from) }}
                title={`Window ${w.index + 1} out of sample: bars ${formatInteger(w.outOfSample.from)}–${formatInteger(w.outOfSample.to - 1)}`}
              />
            </span>
          </li>
        ))}
      </ol>
      {windows.length > MAX_ROWS ? <p className="muted wf-plan-more">and {windows.length - MAX_ROWS} more windows</p> : null}
    </div>
  );
}
