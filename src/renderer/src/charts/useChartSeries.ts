import { useEffect, useState } from 'react';
import type { ChartSeries } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { toDisplayError, type DisplayError } from '../format/formatError';
import type { TimeRange } from './relayoutRange';

export interface ChartSeriesState {
  /** The whole series at the chart's width; drawn alone when not zoomed, and around the detail when zoomed. */
  overview: ChartSeries | null;
  /** The visible range at full chart resolution, with the range it was requested for. */
  detail: { range: TimeRange; series: ChartSeries } | null;
  loading: boolean;
  error: DisplayError | null;
}

/**
 * Asks the back end for only as many buckets as the chart has pixels, so even a ten-million-bar series costs a
 * few thousand points to draw; zooming asks again for just the visible range. Responses that arrive after the
 * request they answer was superseded are dropped.
 */
export function useChartSeries(id: string, maxPoints: number | null, range: TimeRange | null): ChartSeriesState {
  const client = useClient();
  const [overview, setOverview] = useState<ChartSeries | null>(null);
  const [detail, setDetail] = useState<ChartSeriesState['detail']>(null);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<DisplayError | null>(null);

  useEffect(() => {
    if (maxPoints === null) return;
    let live = true;
    setPending((n) => n + 1);
    client.api.datasets
      .chart({ id, maxPoints })
      .then(
        (series) => {
          if (!live) return;
          setOverview(series);
          setError(null);
        },
        (err: unknown) => {
          if (live) setError(toDisplayError(err));
        },
      )
      .finally(() => setPending((n) => n - 1));
    return () => {
      live = false;
    };
  }, [client, id, maxPoints]);

  useEffect(() => {
    if (maxPoints === null) return;
    if (!range) {
      setDetail(null);
      return;
    }
    let live = true;
    setPending((n) => n + 1);
    client.api.datasets
      .chart({ id, from: Math.floor(range.from), to: Math.ceil(range.to), maxPoints })
      .then(
        (series) => {
          if (!live) return;
          setDetail({ range, series });
          setError(null);
        },
        (err: unknown) => {
          if (live) setError(toDisplayError(err));
        },
      )
      .finally(() => setPending((n) => n - 1));
    return () => {
      live = false;
    };
  }, [client, id, maxPoints, range]);

  return { overview, detail, loading: pending > 0, error };
}
