// plotly.js-strict-dist-min (plotly's CSP-safe bundle: no eval, WebGL shaders precompiled) ships no types and
// @types/plotly.js is not installed; these are the few entry points the renderer uses. Figures are plain objects
// whose shape plotly validates at run time (and reports in the console).
declare module 'plotly.js-strict-dist-min' {
  export type PlotlyData = Record<string, unknown>;
  export type PlotlyLayout = Record<string, unknown>;
  export type PlotlyConfig = Record<string, unknown>;
  /** What a plotly_relayout handler receives: flattened attribute paths such as "xaxis.range[0]". */
  export type RelayoutEvent = Record<string, unknown>;
  /** What a plotly_restyle handler receives: the attribute changes and the indices of the traces they apply to. */
  export type RestyleEvent = [Record<string, unknown>, number[]];

  export interface PlotlyHTMLElement extends HTMLDivElement {
    on(event: 'plotly_relayout', handler: (update: RelayoutEvent) => void): void;
    on(event: 'plotly_restyle', handler: (update: RestyleEvent) => void): void;
    removeAllListeners(event: string): void;
    /** The figure as plotly holds it, with interactive changes (e.g. parcoords constraint ranges) applied. */
    data?: PlotlyData[];
  }

  interface PlotlyStatic {
    react(root: HTMLElement, data: PlotlyData[], layout?: PlotlyLayout, config?: PlotlyConfig): Promise<PlotlyHTMLElement>;
    restyle(root: HTMLElement, update: Record<string, unknown>, traces?: number | number[]): Promise<PlotlyHTMLElement>;
    purge(root: HTMLElement): void;
    Plots: { resize(root: HTMLElement): Promise<void> };
  }

  const Plotly: PlotlyStatic;
  export default Plotly;
}

