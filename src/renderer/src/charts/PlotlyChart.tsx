import Plotly, { type PlotlyConfig, type PlotlyData, type PlotlyHTMLElement, type PlotlyLayout, type RelayoutEvent, type RestyleEvent } from 'plotly.js-strict-dist-min';
import { useEffect, useLayoutEffect, useRef } from 'react';

interface PlotlyChartProps {
  data: PlotlyData[];
  layout: PlotlyLayout;
  config?: PlotlyConfig;
  onRelayout?: (event: RelayoutEvent) => void;
  /** Interactive changes to the traces, e.g. a parcoords brush; receives the element to read its current data. */
  onRestyle?: (event: RestyleEvent, gd: PlotlyHTMLElement) => void;
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
  // WebGL traces render at the screen's pixel ratio, not plotly's default of 2: on a standard screen that is a
  // quarter of the pixels to fill per frame, which is what keeps zoom and pan fluid on software GL.
  plotGlPixelRatio: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
};

/**
 * A thin React wrapper: Plotly.react diffs the figure itself, so every prop change is one call; the element is
 * purged on unmount so plotly's listeners and WebGL contexts do not outlive it.
 */
export function PlotlyChart({ data, layout, config = DEFAULT_CONFIG, onRelayout, onRestyle, className, ariaLabel, testId }: PlotlyChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const plotted = useRef(false);
  const onRelayoutRef = useRef(onRelayout);
  const onRestyleRef = useRef(onRestyle);
  useLayoutEffect(() => {
    onRelayoutRef.current = onRelayout;
    onRestyleRef.current = onRestyle;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    const started = performance.now();
    Plotly.react(el, data, layout, config).then(
      (gd: PlotlyHTMLElement) => {
        if (!live) return;
        plotted.current = true;
        // How long the last draw took, for the benchmarks and tests that read it off the element.
        el.dataset.drawMs = (performance.now() - started).toFixed(1);
        el.dataset.draws = String(Number(el.dataset.draws ?? 0) + 1);
        // Rebound after every draw: a full replot (new config) drops the element's listeners.
        gd.removeAllListeners('plotly_relayout');
        gd.on('plotly_relayout', (event) => onRelayoutRef.current?.(event));
        gd.removeAllListeners('plotly_restyle');
        gd.on('plotly_restyle', (event) => onRestyleRef.current?.(event, gd));
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
