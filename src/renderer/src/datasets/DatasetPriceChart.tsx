import { useCallback, useMemo, useState } from 'react';
import type { RelayoutEvent } from 'plotly.js-strict-dist-min';
import type { DatasetSummary } from '../../../shared';
import { mergeSeries } from '../charts/mergeSeries';
import { PlotlyChart } from '../charts/PlotlyChart';
import { priceFigure } from '../charts/priceFigure';
import { relayoutRange, type TimeRange } from '../charts/relayoutRange';
import { useChartSeries } from '../charts/useChartSeries';
import { describeError } from '../format/formatError';
import { isDailyOrCoarser } from '../format/formatDate';
import { formatInteger } from '../format/formatNumber';
import { useDebouncedCallback } from '../hooks/useDebouncedCallback';
import { useElementWidth } from '../hooks/useElementWidth';

/** Widths are rounded to this many pixels so that small window resizes do not each trigger a new request. */
const WIDTH_STEP = 50;
const RELAYOUT_DEBOUNCE_MS = 150;

function pointsFor(width: number | null): number | null {
  if (width === null || width <= 0) return null;
  return Math.min(20_000, Math.max(10, Math.round(width / WIDTH_STEP) * WIDTH_STEP));
}

export function DatasetPriceChart({ dataset }: { dataset: DatasetSummary }) {
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const maxPoints = pointsFor(width);
  const [range, setRange] = useState<TimeRange | null>(null);
  const { overview, detail, loading, error } = useChartSeries(dataset.id, maxPoints, range);

  const applyRange = useDebouncedCallback((next: TimeRange | null) => {
    setRange((current) => (current && next && current.from === next.from && current.to === next.to ? current : next));
  }, RELAYOUT_DEBOUNCE_MS);
  const onRelayout = useCallback(
    (event: RelayoutEvent) => {
      const next = relayoutRange(event);
      if (next !== null) applyRange(next === 'all' ? null : next);
    },
    [applyRange],
  );

  // The detail for a previous range is still drawn until the new one arrives, which beats a blank or jumping chart.
  const series = useMemo(() => {
    if (detail && overview) return mergeSeries(overview, detail.series, detail.range);
    return detail?.series ?? overview;
  }, [overview, detail]);
  const shown = range ? (detail?.series ?? overview) : overview;
  const daily = isDailyOrCoarser(dataset.frequency.seconds);
  const figure = useMemo(
    () => (series ? priceFigure(series, { revision: dataset.id, range, daily }) : null),
    [series, range, daily, dataset.id],
  );

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <div className="panel-header">
        <h2 id="chart-title" className="panel-title">
          Price
        </h2>
        <div className="chart-status">
          {loading ? <span className="muted">Loading…</span> : null}
          {shown?.decimated ? (
            <span className="chart-decimation" data-testid="chart-decimation">
              decimated: {formatInteger(shown.bars)} bars shown as {formatInteger(shown.time.length)} buckets
            </span>
          ) : null}
        </div>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          Could not load the chart: {describeError(error)}
        </p>
      ) : null}
      <div ref={frameRef} className="price-chart-frame" data-testid="price-chart" data-chart-state={figure ? 'ready' : 'loading'}>
        {figure ? (
          <PlotlyChart
            className="price-chart"
            ariaLabel={`Price chart of ${dataset.name}`}
            data={figure.data}
            layout={figure.layout}
            onRelayout={onRelayout}
          />
        ) : null}
      </div>
      <p className="chart-hint muted">Drag to zoom, scroll to zoom, drag the slider to pan; double-click to see the whole series.</p>
    </section>
  );
}
