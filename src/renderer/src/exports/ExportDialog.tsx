// Export a study's trial: the peak, the robust optimum or any complete trial, as YAML or JSON, to a path the back
// end writes (default: the data folder's exports/). Afterwards it shows where the file went and its checksum,
// and offers the same content as a download.
import { useMemo, useState } from 'react';
import type { ExportCreateResult, ExportFormat, ExportSelectionMethod, StudySummary, StudyTrial } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { routeHref } from '../app/route';
import { useAppInfo } from '../app/useAppInfo';
import { CopyButton } from '../components/CopyButton';
import { Dialog } from '../components/Dialog';
import { ErrorPanel } from '../components/ErrorPanel';
import { SegmentedControl } from '../components/SegmentedControl';
import { FormField } from '../forms/FormField';
import { SelectField } from '../forms/SelectField';
import { toDisplayError, type DisplayError } from '../format/formatError';
import { useMetricDefinitions } from '../profile/useMetricDefinitions';
import { downloadText, metricText, notComputedText, selectionText } from './exportText';
import './exports.css';

const SELECTIONS = [
  { value: 'peak', label: 'Peak (best trial)' },
  { value: 'robust', label: 'Robust optimum' },
  { value: 'manual', label: 'A trial…' },
] as const;
const FORMATS = [
  { value: 'yaml', label: 'YAML' },
  { value: 'json', label: 'JSON' },
] as const;

export function ExportDialog({ summary, trials, onClose }: { summary: StudySummary; trials: StudyTrial[]; onClose: () => void }) {
  const client = useClient();
  const info = useAppInfo();
  const sign = summary.objectives[0]?.direction === 'minimize' ? -1 : 1;
  // Best first by the first objective: the trials a researcher weighs against the peak are near the top.
  const complete = useMemo(
    () => trials.filter((t) => t.state === 'complete' && t.values !== null).sort((a, b) => sign * (b.values![0] - a.values![0]) || a.number - b.number),
    [trials, sign],
  );
  const best = summary.best[0]?.number;
  const [selection, setSelection] = useState<ExportSelectionMethod>('peak');
  const [trial, setTrial] = useState<string>(best !== undefined ? String(best) : (complete[0] ? String(complete[0].number) : ''));
  const [format, setFormat] = useState<ExportFormat>('yaml');
  const [path, setPath] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayError | null>(null);
  const [result, setResult] = useState<ExportCreateResult | null>(null);

  const objective = summary.objectives[0];
  const { data: definitions } = useMetricDefinitions();
  const objectiveLabel = (objective && definitions?.find((m) => m.id === objective.metric)?.label) ?? objective?.metric ?? 'the first objective';
  const run = () => {
    setBusy(true);
    setError(null);
    client.api.exports
      .create({
        studyId: summary.id,
        selection,
        ...(selection === 'manual' ? { trial: Number(trial) } : {}),
        format,
        ...(path.trim() ? { path: path.trim() } : {}),
        overwrite,
      })
      .then(
        (r) => {
          setBusy(false);
          setResult(r);
        },
        (err: unknown) => {
          setBusy(false);
          setError(toDisplayError(err));
        },
      );
  };

  const fileName = result ? (result.record.path.split(/[\\/]/).pop() ?? `export.${result.record.format}`) : '';
  const actions = result ? (
    <>
      <a className="button" href={routeHref({ page: 'exports' })} onClick={onClose} data-testid="export-open-history">
        Export history
      </a>
      <button type="button" className="button button-primary" onClick={onClose} data-testid="export-done">
        Done
      </button>
    </>
  ) : (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="button" className="button button-primary" disabled={busy || (selection === 'manual' && trial === '')} onClick={run} data-testid="export-run">
        {busy ? 'Exporting…' : 'Export'}
      </button>
    </>
  );

  return (
    <Dialog title={`Export from ${summary.name}`} onClose={onClose} actions={actions} testId="export-dialog" wide>
      {result ? (
        <div className="export-result" data-testid="export-result">
          <p>
            <strong>{selectionText(result.record)}</strong> exported as {result.record.format.toUpperCase()} with its provenance.
          </p>
          <p className="export-path" data-testid="export-result-path">
            {result.record.path}
          </p>
          <p className="muted">
            {objective ? `${objectiveLabel} ${metricText(result.document.objectives[0]?.inSample)} in sample, ${metricText(result.document.metrics.outOfSample?.[objective.metric])} out of sample. ` : ''}
            Not computed for this trial (absent from the file): {notComputedText(result.document.robustness.notComputed)}.
          </p>
          <div className="export-inline-actions">
            <span className="muted">SHA-256</span>
            <code className="export-checksum" data-testid="export-result-checksum">
              {result.record.checksum}
            </code>
            <CopyButton text={result.record.checksum} label="Copy the checksum" />
            <button type="button" className="button button-small" onClick={() => downloadText(fileName, result.content, result.record.format === 'json' ? 'application/json' : 'application/yaml')} data-testid="export-download">
              Download a copy
            </button>
          </div>
        </div>
      ) : (
        <div className="export-form">
          <div>
            <p className="export-choice-label">Which configuration</p>
            <SegmentedControl label="Which configuration" options={SELECTIONS} value={selection} onChange={setSelection} testId="export-selection" />
          </div>
          {selection === 'manual' ? (
            <SelectField
              label="Trial"
              value={trial}
              options={complete.map((t) => ({ value: String(t.number), label: `Trial ${t.number}: ${objectiveLabel} ${metricText(t.values![0])}${t.number === best ? ' (best)' : ''}` }))}
              onChange={setTrial}
              testId="export-trial"
            />
          ) : (
            <p className="muted">
              {selection === 'peak'
                ? `Trial ${best ?? '?'}, the best by ${objectiveLabel} in sample.`
                : 'The point whose neighbourhood does best on average: the cached parameters analysis, or computed now (this can take a while).'}
            </p>
          )}
          <div>
            <p className="export-choice-label">Format</p>
            <SegmentedControl label="Format" options={FORMATS} value={format} onChange={setFormat} testId="export-format" />
          </div>
          <FormField label="Save to" hint={`Leave empty for ${info ? `${info.dataDir}/exports/` : 'the data folder’s exports/ folder'} (a free file name). A path must be absolute; the folder must exist.`}>
            {({ inputId, describedBy }) => (
              <input id={inputId} className="input" value={path} placeholder={`…/exports/study-${selection === 'robust' ? 'robust' : `trial${selection === 'manual' ? trial : (best ?? 'N')}`}.${format}`} aria-describedby={describedBy} onChange={(e) => setPath(e.target.value)} data-testid="export-path" />
            )}
          </FormField>
          <label className="toggle">
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace the file if it exists
          </label>
          {error ? <ErrorPanel title="The export failed; nothing was written" error={error} onDismiss={() => setError(null)} testId="export-error" /> : null}
        </div>
      )}
    </Dialog>
  );
}
