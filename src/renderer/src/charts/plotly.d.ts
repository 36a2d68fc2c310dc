// plotly.js-dist-min ships no types and @types/plotly.js is not installed; these are the few entry points the
// renderer uses. Figures are plain objects whose shape plotly validates at run time (and reports in the console).
declare module 'plotly.js-dist-min' {
  export type PlotlyData = Record<string, unknown>;
  export type PlotlyLayout = Record<string, unknown>;
  export type PlotlyConfig = Record<string, unknown>;
  /** What a plotly_relayout handler receives: flattened attribute paths such as "xaxis.range[0]". */
  export type RelayoutEvent = Record<string, unknown>;

  export interface PlotlyHTMLElement extends HTMLDivElement {
    on(event: 'plotly_relayout', handler: (update: RelayoutEvent) => void): void;
    removeAllListeners(event: string): void;
  }

  interface PlotlyStatic {
    react(root: HTMLElement, data: PlotlyData[], layout?: PlotlyLayout, config?: PlotlyConfig): Promise<PlotlyHTMLElement>;
    purge(root: HTMLElement): void;
    Plots: { resize(root: HTMLElement): Promise<void> };
  }

  const Plotly: PlotlyStatic;
  export default Plotly;
}
