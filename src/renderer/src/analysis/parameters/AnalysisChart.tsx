import type { PlotlyData, PlotlyHTMLElement, PlotlyLayout, RestyleEvent } from 'plotly.js-strict-dist-min';
import { useMemo } from 'react';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { baseLayout } from '../../profile/figures/baseLayout';

interface AnalysisChartProps {
  data: PlotlyData[];
  layout: PlotlyLayout;
  height: number;
  ariaLabel: string;
  testId: string;
  onRestyle?: (event: RestyleEvent, gd: PlotlyHTMLElement) => void;
}

/** One chart of the Parameters tab at a fixed height, in the look the other screens share (baseLayout). */
export function AnalysisChart({ data, layout, height, ariaLabel, testId, onRestyle }: AnalysisChartProps) {
  const full = useMemo(() => baseLayout({ ...layout, height }), [layout, height]);
  return (
    <div className="analysis-chart-frame" style={{ height }}>
      <PlotlyChart className="analysis-chart" data={data} layout={full} ariaLabel={ariaLabel} testId={testId} onRestyle={onRestyle} />
    </div>
  );
}
