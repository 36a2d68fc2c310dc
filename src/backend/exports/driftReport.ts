// Re-validation of an export: the exported metrics next to what the same strategy and settings give now, whether
// the new Sharpe falls inside the exported bootstrap interval, and a verdict in plain words. On the exported data
// (same content hash) the exported runs are repeated bar for bar and must match exactly; on other data the
// strategy runs on all of it, which is then compared with the exported out-of-sample figures.
import type { BacktestReport, DriftReport, HoldoutExport, LoadedExport, MetricInfo } from '../../shared';
import type { DatasetRecord } from '../storage/storage';

export interface DriftRun {
  segment: DriftReport['runs'][number]['segment'];
  label: string;
  report: BacktestReport;
}

export function buildDriftReport(input: { loaded: LoadedExport; dataset: DatasetRecord; runs: DriftRun[]; metrics: MetricInfo[] }): DriftReport {
  const { loaded, dataset, runs } = input;
  const doc = loaded.document;
  const sameData = dataset.hash === doc.dataset.hash;
  const current = runs[0].report.strategy;
  const codeChanged = current.codeHash !== doc.strategy.codeHash;

  const ids = new Set([...Object.keys(doc.metrics.inSample), ...runs.flatMap((r) => Object.keys(r.report.metrics))]);
  const known = input.metrics.filter((m) => ids.has(m.id));
  const rows = [
    ...known.map((m) => ({ metric: m.id, label: m.label, direction: m.direction })),
    ...[...ids].filter((id) => !known.some((m) => m.id === id)).map((id) => ({ metric: id, label: id, direction: 'maximize' as const })),
  ].map((m) => ({
    ...m,
    exportedInSample: doc.metrics.inSample[m.metric] ?? null,
    exportedOutOfSample: doc.metrics.outOfSample?.[m.metric] ?? null,
    now: runs.map((r) => r.report.metrics[m.metric] ?? null),
  }));

  let reproduced: boolean | null = null;
  const differing: string[] = [];
  if (sameData) {
    for (const r of runs) {
      const exported = r.segment === 'inSample' ? doc.metrics.inSample : (doc.metrics.outOfSample ?? {});
      for (const [id, value] of Object.entries(exported)) {
        if (!Object.is(value, r.report.metrics[id] ?? null)) differing.push(`${id} ${r.segment === 'inSample' ? 'in' : 'out of'} sample`);
      }
    }
    reproduced = differing.length === 0;
  }

  const judged = sameData ? runs.find((r) => r.segment === 'outOfSample') : runs.find((r) => r.segment === 'newData');
  const interval = doc.robustness.bootstrap?.sharpeAnnualised;
  const sharpeNow = judged?.report.metrics.sharpe ?? null;
  const bootstrap =
    interval && judged
      ? {
          level: interval.level,
          low: interval.low,
          high: interval.high,
          sharpe: sharpeNow,
          inside: sharpeNow === null ? null : sharpeNow >= interval.low && sharpeNow <= interval.high,
          segment: judged.segment,
        }
      : null;

  const warnings: string[] = [];
  if (codeChanged) {
    warnings.push(
      `The strategy's code has changed since the export: code hash ${short(current.codeHash)} now, ${short(doc.strategy.codeHash)} when exported. The new figures come from different code.`,
    );
  }
  if (current.version !== doc.strategy.version) warnings.push(`The strategy's version is ${current.version} now; the export was made with ${doc.strategy.version}.`);

  return {
    file: loaded.file,
    export: {
      checksum: doc.checksum,
      exportedAt: doc.exportedAt,
      studyId: doc.study.id,
      studyName: doc.study.name,
      selection: doc.selection.method,
      trial: doc.selection.trial,
      dataset: { name: doc.dataset.name, hash: doc.dataset.hash, firstTimestamp: doc.dataset.firstTimestamp, lastTimestamp: doc.dataset.lastTimestamp },
    },
    dataset: { id: dataset.id, name: dataset.name, hash: dataset.hash, bars: dataset.bars, first: dataset.first, last: dataset.last },
    sameData,
    strategy: {
      name: doc.strategy.name,
      version: current.version,
      codeHash: current.codeHash,
      exportedVersion: doc.strategy.version,
      exportedCodeHash: doc.strategy.codeHash,
      codeChanged,
    },
    runs: runs.map((r) => ({ segment: r.segment, label: r.label, fromBar: r.report.range.fromBar, toBar: r.report.range.toBar })),
    rows,
    reproduced,
    bootstrap,
    verdict: verdictOf({ doc, sameData, reproduced, differing, codeChanged, bootstrap, sharpeNow, dataset }),
    warnings,
  };
}

function verdictOf(v: {
  doc: HoldoutExport;
  sameData: boolean;
  reproduced: boolean | null;
  differing: string[];
  codeChanged: boolean;
  bootstrap: DriftReport['bootstrap'];
  sharpeNow: number | null;
  dataset: DatasetRecord;
}): DriftReport['verdict'] {
  const { doc } = v;
  const isSharpe = doc.metrics.inSample.sharpe ?? null;
  const oosSharpe = doc.metrics.outOfSample?.sharpe ?? null;
  const reasons: string[] = [];
  if (v.codeChanged) reasons.push('The strategy code differs from the exported code hash, so any difference may come from the code rather than the market.');
  if (v.sameData) {
    if (v.reproduced) {
      return {
        level: 'reproduced',
        headline: `Reproduced: on the exported data (${doc.dataset.name}) every metric equals the exported value exactly.`,
        reasons: [...reasons, `In-sample Sharpe ${num(isSharpe)}, out-of-sample Sharpe ${num(oosSharpe)}, as exported.`],
      };
    }
    const list = v.differing.slice(0, 6).join(', ') + (v.differing.length > 6 ? ` and ${v.differing.length - 6} more` : '');
    return {
      level: 'not-reproduced',
      headline: `Not reproduced: on the exported data the metrics differ from the export (${v.differing.length} value${v.differing.length === 1 ? '' : 's'}).`,
      reasons: [...reasons, `Differs: ${list}.`],
    };
  }
  reasons.push(`Exported Sharpe: ${num(isSharpe)} in sample, ${num(oosSharpe)} out of sample; on ${v.dataset.name}: ${num(v.sharpeNow)}.`);
  const b = v.bootstrap;
  if (!b || b.inside === null) {
    const why = !b ? 'the export has no bootstrap interval to judge it by (the robustness analysis was not computed for this trial)' : 'the Sharpe ratio is undefined on the new data';
    return {
      level: 'unknown',
      headline: `Sharpe ${num(v.sharpeNow)} on ${v.dataset.name}, against ${num(oosSharpe)} out of sample at export; ${why}.`,
      reasons,
    };
  }
  const range = `${Math.round(b.level * 100)}% bootstrap interval [${num(b.low)}, ${num(b.high)}]`;
  if (b.inside) return { level: 'holding', headline: `Holding up: Sharpe ${num(b.sharpe)} on the new data is inside the exported ${range}.`, reasons };
  if (b.sharpe !== null && b.sharpe < b.low) {
    return { level: 'degraded', headline: `Degraded: Sharpe ${num(b.sharpe)} on the new data is below the exported ${range}; the edge has weakened or was overfit.`, reasons };
  }
  return { level: 'improved', headline: `Better than expected: Sharpe ${num(b.sharpe)} on the new data is above the exported ${range}; check that the new data is comparable.`, reasons };
}

function num(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3);
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
