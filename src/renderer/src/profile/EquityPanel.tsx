import { useMemo, useState } from 'react';
import type { PerformanceProfile } from '../../../shared';
import { ChartPanel } from './ChartPanel';
import { equityFigure } from './figures/equityFigure';

/** Equity against buy-and-hold, with a switch to a log scale (equal distances for equal percentage moves). */
export function EquityPanel({ curve, revision }: { curve: PerformanceProfile['curve']; revision: string }) {
  const [log, setLog] = useState(false);
  const figure = useMemo(() => equityFigure(curve, { log, revision }), [curve, log, revision]);
  return (
    <ChartPanel
      title="Equity"
      ariaLabel="Equity curve of the strategy against buy-and-hold"
      testId="equity-chart"
      height={320}
      figure={figure}
      actions={
        <label className="toggle">
          <input type="checkbox" checked={log} onChange={(event) => setLog(event.target.checked)} data-testid="equity-log-scale" />
          Log scale
        </label>
      }
    />
  );
}
