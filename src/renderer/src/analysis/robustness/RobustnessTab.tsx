// The study dashboard's Robustness tab: is the chosen configuration overfit? A verdict in plain words, the numbers
// behind it (PSR, DSR, MinTRL, PBO, held-out ranks) and their charts, from api.analysis.robustness.
import { useEffect, useMemo, useState } from 'react';
import type { StudySummary, StudyTrial } from '../../../../shared';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { useDatasets } from '../../datasets/useDatasets';
import { formatDecimal, formatInteger } from '../../format/formatNumber';
import { useMetricDefinitions } from '../../profile/useMetricDefinitions';
import { TrialProfile } from '../../studies/TrialProfile';
import { ProvenanceLine } from './ProvenanceLine';
import { RobustnessCharts } from './RobustnessCharts';
import { RobustnessFigures, type MetricText } from './RobustnessFigures';
import { cscvCombinations, formatParams } from './robustnessFormat';
import { DEFAULT_DRAFT, RobustnessOptionsForm, type RobustnessDraft } from './RobustnessOptionsForm';
import { useRobustnessReport, type RobustnessRequestOptions } from './useRobustnessReport';
import { useStudyRecords } from './useStudyRecords';
import { VerdictBanner } from './VerdictBanner';
import './robustness.css';

/** The picker lists this many of the best trials (and the one on screen); a study can have thousands. */
const PICKER_TRIALS = 100;

function requestOptions(draft: RobustnessDraft): RobustnessRequestOptions {
  const { trial, ...rest } = draft;
  return trial === null ? rest : { ...rest, trial };
}

function trialChoices(trials: readonly StudyTrial[], direction: 'maximize' | 'minimize', keep: (number | null)[]) {
  const complete = trials.filter((t) => t.state === 'complete' && t.values && t.values.length > 0 && Number.isFinite(t.values[0]));
  const sign = direction === 'maximize' ? -1 : 1;
  const ranked = [...complete].sort((a, b) => sign * (a.values![0] - b.values![0]) || a.number - b.number);
  const shown = ranked.slice(0, PICKER_TRIALS);
  for (const n of keep) {
    if (n === null || shown.some((t) => t.number === n)) continue;
    const t = complete.find((c) => c.number === n);
    if (t) shown.push(t);
  }
  return shown.map((t, i) => ({ number: t.number, label: `#${i + 1}: trial ${t.number} · ${formatDecimal(t.values![0], 4)} · ${formatParams(t.params)}` }));
}

function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.round((now - since) / 1000));
}

export function RobustnessTab({ study }: { study: StudySummary }) {
  const [draft, setDraft] = useState<RobustnessDraft>(DEFAULT_DRAFT);
  const [request, setRequest] = useState(() => ({ options: requestOptions(DEFAULT_DRAFT), nonce: 0 }));
  const { report, reportOptions, error, pendingSince } = useRobustnessReport(study.id, request);
  const records = useStudyRecords(study.id, report?.provenance.computedAt ?? 0);
  const { datasets } = useDatasets();
  const { data: definitions } = useMetricDefinitions();
  const [profileOpen, setProfileOpen] = useState(false);
  const elapsed = useElapsedSeconds(pendingSince);

  const objective = study.objectives[0];
  const metricText = (id: string): MetricText => {
    const def = definitions?.find((m) => m.id === id);
    return { label: def?.label ?? id, unit: def?.unit ?? 'ratio' };
  };
  const objectiveLabel = objective ? metricText(objective.metric).label : 'objective';
  const metric = metricText(report?.outOfSample?.metric ?? objective?.metric ?? '');
  const choices = useMemo(
    () => trialChoices(records.trials, objective?.direction ?? 'maximize', [draft.trial, report?.trial.number ?? null]),
    [records.trials, objective?.direction, draft.trial, report?.trial.number],
  );
  const chosenTrial = report ? records.trials.find((t) => t.number === report.trial.number && t.state === 'complete') : undefined;

  const pending = pendingSince !== null;
  const dirty = JSON.stringify(requestOptions(draft)) !== JSON.stringify(reportOptions ?? request.options);
  const recompute = () => {
    setProfileOpen(false);
    setRequest((r) => ({ options: requestOptions(draft), nonce: r.nonce + 1 }));
  };
  const newTrials = report ? study.counts.complete - report.provenance.trialCount : 0;
  const stale = report !== null && (report.provenance.stale || newTrials > 0);

  const asked = request.options;
  const partitions = asked.partitions ?? DEFAULT_DRAFT.partitions;
  const computing = `Computing the robustness of ${asked.trial === undefined ? `the best trial by ${objectiveLabel}` : `trial ${asked.trial}`} from ${formatInteger(study.counts.complete)} complete trials`;
  const computingDetail = `PSR, DSR and MinTRL; PBO over ${formatInteger(cscvCombinations(partitions))} splits of S = ${partitions} blocks; ${formatInteger(asked.resamples ?? DEFAULT_DRAFT.resamples)} bootstrap resamples and trade reshuffles; every trial re-run on the held-out bars · ${elapsed} s`;

  return (
    <div className="robustness-tab" data-testid="robustness-tab" data-pending={pending ? 'true' : 'false'}>
      <section className="panel robustness-options-panel">
        <RobustnessOptionsForm draft={draft} onChange={setDraft} trials={choices} objectiveLabel={objectiveLabel} onRecompute={recompute} busy={pending} dirty={dirty} />
        {report ? <ProvenanceLine provenance={report.provenance} stale={stale} newTrials={newTrials} onRecompute={pending ? null : recompute} /> : null}
        {pending ? <ProgressBar value={null} label={computing} detail={computingDetail} testId="robustness-progress" /> : null}
      </section>

      {error ? <ErrorPanel title="Could not compute the robustness analysis" error={error} testId="robustness-error" /> : null}
      {records.error ? <ErrorPanel title="Could not load the study's trials for the trial picker" error={records.error} /> : null}

      {report ? (
        <div className={pending ? 'robustness-report is-stale' : 'robustness-report'} data-testid="robustness-report" data-trial={report.trial.number}>
          <VerdictBanner verdict={report.verdict} />
          <RobustnessFigures report={report} metric={metric} onOpenTrial={chosenTrial ? () => setProfileOpen(true) : null} />
          {report.notes.length > 0 ? (
            <section className="robustness-notes" aria-label="Notes" data-testid="robustness-notes">
              <h3 className="subsection-title">Notes</h3>
              <ul>
                {report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {profileOpen && chosenTrial && records.detail ? (
            <TrialProfile key={chosenTrial.number} detail={records.detail} trial={chosenTrial} dataset={datasets?.find((d) => d.id === study.datasetId)} onClose={() => setProfileOpen(false)} />
          ) : null}
          <RobustnessCharts report={report} metric={metric} />
        </div>
      ) : null}
    </div>
  );
}
