import { useEffect, useState } from 'react';
import type { BacktestReport, DatasetSummary, StudyDetail, StudyTrial } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { ErrorPanel } from '../components/ErrorPanel';
import { SegmentedControl } from '../components/SegmentedControl';
import { formatRange } from '../format/formatDate';
import { formatInteger } from '../format/formatNumber';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { PerformanceProfileView } from '../profile/PerformanceProfileView';
import { TRIAL_SEGMENTS, segmentRange, type TrialSegment } from './trialSegment';

interface TrialProfileProps {
  detail: StudyDetail;
  trial: StudyTrial;
  /** The study's dataset; undefined while the list of datasets is loading. */
  dataset: DatasetSummary | undefined;
  onClose: () => void;
}

/** Plain words for the bars a profile shows: which segment, bar numbers (1-based, inclusive) and dates. */
function segmentText(segment: TrialSegment, report: BacktestReport, frequencySeconds: number | undefined): string {
  const { fromBar, toBar } = report.range;
  const bars = `bars ${formatInteger(fromBar + 1)}–${formatInteger(toBar)} of ${formatInteger(report.datasetBars)}`;
  const time = report.profile.curve.time;
  const dates = time.length > 0 && frequencySeconds !== undefined ? `, ${formatRange(time[0], time[time.length - 1], frequencySeconds)}` : '';
  if (segment === 'inSample') return `In sample: ${bars}${dates}. These are the bars the tuner scored this trial on.`;
  if (segment === 'outOfSample') return `Out of sample: ${bars}${dates}. The tuner never saw these bars.`;
  return `Whole dataset: ${bars}${dates}, in sample and out of sample together.`;
}

/**
 * One trial's performance profile: the study's dataset, strategy and settings with the trial's parameters, run
 * as an ordinary backtest on the in-sample bars, the out-of-sample bars or the whole dataset, and shown the way
 * the Backtest page shows one.
 */
export function TrialProfile({ detail, trial, dataset, onClose }: TrialProfileProps) {
  const client = useClient();
  const { summary, spec } = detail;
  const [segment, setSegment] = useState<TrialSegment>('inSample');
  const [state, setState] = useState<{ report: BacktestReport | null; error: DisplayError | null }>({ report: null, error: null });
  const params = { ...spec.fixed, ...trial.params };
  // Keys rather than objects: a polled refresh brings equal but new objects, which must not re-run the backtest.
  const paramsKey = JSON.stringify(params);
  const configKey = JSON.stringify(spec.config);
  const datasetBars = dataset?.bars;
  const range = datasetBars === undefined ? undefined : segmentRange(segment, spec.inSampleBars, datasetBars, spec.inSampleFrom);
  const rangeKey = range === undefined ? 'loading' : JSON.stringify(range);

  useEffect(() => {
    let live = true;
    setState({ report: null, error: null });
    const bars = JSON.parse(rangeKey === 'loading' ? 'null' : rangeKey) as ReturnType<typeof segmentRange>;
    if (bars === null) return;
    client.api.backtests
      .run({ datasetId: summary.datasetId, strategy: summary.strategy, params: JSON.parse(paramsKey) as typeof params, config: JSON.parse(configKey) as typeof spec.config, range: bars })
      .then(
        (report) => {
          if (live) setState({ report, error: null });
        },
        (err: unknown) => {
          if (live) setState({ report: null, error: toDisplayError(err) });
        },
      );
    return () => {
      live = false;
    };
  }, [client, summary.datasetId, summary.strategy, paramsKey, configKey, rangeKey]);

  const report = state.report;
  let note: string;
  if (range === null) note = 'Out of sample: none. The study gave every bar to the tuner (an in-sample fraction of 100%).';
  else if (report) note = segmentText(segment, report, dataset?.frequency.seconds);
  else note = `${TRIAL_SEGMENTS.find((s) => s.value === segment)!.label}: running the backtest…`;

  return (
    <section className="panel trial-profile" aria-labelledby="trial-profile-title" data-testid="trial-profile">
      <div className="panel-header">
        <h2 id="trial-profile-title" className="panel-title">
          Trial {trial.number} · performance profile
        </h2>
        <div className="trial-profile-actions">
          <button type="button" className="button button-small" onClick={onClose} data-testid="close-trial-profile">
            Close
          </button>
        </div>
      </div>
      <p className="trial-params" data-testid="trial-params">
        {Object.entries(params).map(([k, v]) => (
          <span key={k} className="param-chip">
            {k} = <strong>{String(v)}</strong>
          </span>
        ))}
      </p>
      <div className="trial-profile-range">
        <SegmentedControl label="Bars to show" options={TRIAL_SEGMENTS} value={segment} onChange={setSegment} testId="trial-segment" />
        <p className="results-note" data-testid="trial-segment-note" data-segment={segment}>
          {note}
        </p>
      </div>
      {state.error ? <ErrorPanel title="The backtest for this trial failed" error={state.error} /> : null}
      {report ? <PerformanceProfileView report={report} /> : state.error || range === null ? null : <p className="muted">Running the backtest for trial {trial.number}…</p>}
    </section>
  );
}
