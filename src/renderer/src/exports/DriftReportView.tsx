// The re-validation of an export: a changed strategy code first and loudly, then the verdict in plain words,
// the bootstrap-interval check, and every metric exported next to what it is now.
import type { DriftReport } from '../../../shared';
import { formatDateTime } from '../format/formatDate';
import { metricText, shortHash } from './exportText';

const LEVELS: Record<DriftReport['verdict']['level'], string> = {
  reproduced: 'Reproduced',
  'not-reproduced': 'Not reproduced',
  holding: 'Holding up',
  degraded: 'Degraded',
  improved: 'Better than expected',
  unknown: 'No judgement',
};

export function DriftReportView({ report }: { report: DriftReport }) {
  const b = report.bootstrap;
  return (
    <div className="revalidate-panel" data-testid="drift-report" data-level={report.verdict.level}>
      {report.warnings.length > 0 ? (
        <div className="drift-warning" role="alert" data-testid="drift-warning">
          {report.warnings.map((w) => (
            <p key={w}>⚠ {w}</p>
          ))}
        </div>
      ) : null}
      <section className={`drift-verdict drift-verdict-${report.verdict.level}`} role="status" data-testid="drift-verdict">
        <p className="drift-verdict-level">{LEVELS[report.verdict.level]}</p>
        <p className="drift-verdict-headline">{report.verdict.headline}</p>
        {report.verdict.reasons.length > 0 ? (
          <ul>
            {report.verdict.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <dl className="drift-facts">
        <dt>Data</dt>
        <dd data-testid="drift-data">
          {report.sameData ? 'The exported data (same content hash): the exported runs repeated bar for bar' : `New data: ${report.dataset.name}`} · {report.dataset.bars.toLocaleString('en-US')} bars,{' '}
          {formatDateTime(report.dataset.first)} to {formatDateTime(report.dataset.last)}
        </dd>
        <dt>Exported from</dt>
        <dd>
          {report.export.studyName} · {report.export.dataset.name} ({report.export.dataset.firstTimestamp.slice(0, 10)} to {report.export.dataset.lastTimestamp.slice(0, 10)}) · {report.export.exportedAt.replace('T', ' ').slice(0, 19)} UTC
        </dd>
        <dt>Strategy</dt>
        <dd>
          {report.strategy.name} {report.strategy.version} · code {shortHash(report.strategy.codeHash)}{' '}
          {report.strategy.codeChanged ? <strong className="negative">(exported: {shortHash(report.strategy.exportedCodeHash)})</strong> : <span className="muted">(as exported)</span>}
        </dd>
        <dt>Bootstrap check</dt>
        <dd data-testid="drift-bootstrap">
          {b
            ? `Sharpe ${metricText(b.sharpe)} ${b.inside === null ? 'is undefined' : b.inside ? 'is inside' : 'is outside'} the exported ${Math.round(b.level * 100)}% interval [${metricText(b.low)}, ${metricText(b.high)}]`
            : 'Not possible: the export has no bootstrap interval (the robustness analysis was not computed for the exported trial).'}
        </dd>
      </dl>
      <div className="table-frame">
        <table className="data-table drift-table" data-testid="drift-table">
          <thead>
            <tr>
              <th>Metric</th>
              <th className="numeric">Exported, in sample</th>
              <th className="numeric">Exported, out of sample</th>
              {report.runs.map((r) => (
                <th key={r.segment} className="numeric drift-now" title={`bars ${r.fromBar + 1}–${r.toBar}`}>
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.metric}>
                <td>{row.label}</td>
                <td className="numeric">{metricText(row.exportedInSample)}</td>
                <td className="numeric">{metricText(row.exportedOutOfSample)}</td>
                {row.now.map((v, i) => {
                  const run = report.runs[i];
                  const reference = run.segment === 'inSample' ? row.exportedInSample : row.exportedOutOfSample;
                  return (
                    <td key={run.segment} className={`numeric drift-now ${changeClass(v, reference, row.direction, run.segment !== 'newData')}`}>
                      {metricText(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Colour a new value against its reference: on the same data any difference is a failure to reproduce. */
function changeClass(v: number | null, reference: number | null, direction: 'maximize' | 'minimize', exact: boolean): string {
  if (v === null || reference === null) return '';
  if (exact) return Object.is(v, reference) ? '' : 'drift-worse';
  if (v === reference) return '';
  return (direction === 'maximize' ? v > reference : v < reference) ? 'drift-better' : 'drift-worse';
}
