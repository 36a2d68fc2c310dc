import Plotly, { type PlotlyConfig, type PlotlyData, type PlotlyHTMLElement, type PlotlyLayout, type RelayoutEvent } from 'plotly.js-dist-min';
import { useEffect, useLayoutEffect, useRef } from 'react';

interface PlotlyChartProps {
  data: PlotlyData[];
  layout: PlotlyLayout;
  config?: PlotlyConfig;
  onRelayout?: (event: RelayoutEvent) => void;
  className?: string;
  ariaLabel: string;
  testId?: string;
}

const DEFAULT_CONFIG: PlotlyConfig = {
  displaylogo: false,
  responsive: false,
  scrollZoom: true,
  // The chart explains its gestures in its own caption; plotly's floating tip would cover the page header.
  showTips: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
};

/**
 * A thin React wrapper: Plotly.react diffs the figure itself, so every prop change is one call; the element is
 * purged on unmount so plotly's listeners and WebGL contexts do not outlive it.
 */
export function PlotlyChart({ data, layout, config = DEFAULT_CONFIG, onRelayout, className, ariaLabel, testId }: PlotlyChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const plotted = useRef(false);
  const onRelayoutRef = useRef(onRelayout);
  useLayoutEffect(() => {
    onRelayoutRef.current = onRelayout;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    Plotly.react(el, data, layout, config).then(
      (gd: PlotlyHTMLElement) => {
        if (!live) return;
        plotted.current = true;
        // Rebound after every draw: a full replot (new config) drops the element's listeners.
        gd.removeAllListeners('plotly_relayout');
        gd.on('plotly_relayout', (event) => onRelayoutRef.current?.(event));
      },
      (error: unknown) => console.error('plotly failed to draw the chart', error),
    );
    return () => {
      live = false;
    };
  }, [data, layout, config]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (plotted.current && el.isConnected) Plotly.Plots.resize(el).catch(() => undefined);
      });
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      plotted.current = false;
      Plotly.purge(el);
    };
  }, []);

  return <div ref={ref} className={className} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
