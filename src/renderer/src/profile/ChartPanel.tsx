import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { ReactNode } from 'react';
import { PlotlyChart } from '../charts/PlotlyChart';

interface ChartPanelProps {
  title: string;
  /** Controls or notes on the right of the title. */
  actions?: ReactNode;
  figure: { data: PlotlyData[]; layout: PlotlyLayout };
  ariaLabel: string;
  testId: string;
  /** CSS height of the plot area. */
  height: number;
  footer?: ReactNode;
  className?: string;
}

/** A titled panel holding one plotly chart of the performance profile. */
export function ChartPanel({ title, actions, figure, ariaLabel, testId, height, footer, className }: ChartPanelProps) {
  return (
    <section className={className ? `panel chart-panel ${className}` : 'panel chart-panel'} aria-label={title}>
      <div className="panel-header">
        <h2 className="panel-title">{title}</h2>
        {actions ? <div className="chart-status">{actions}</div> : null}
      </div>
      <div className="profile-chart-frame" style={{ height }} data-testid={testId}>
        <PlotlyChart className="profile-chart" ariaLabel={ariaLabel} data={figure.data} layout={figure.layout} />
      </div>
      {footer}
    </section>
  );
}
