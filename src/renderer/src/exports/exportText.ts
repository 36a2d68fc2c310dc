// Small text helpers of the exports screens: the selection in words, a metric value, a short hash.
import type { ExportRecord } from '../../../shared';
import { formatDecimal } from '../format/formatNumber';

export function selectionText(r: Pick<ExportRecord, 'selection' | 'trialNumber'>): string {
  if (r.selection === 'robust') return r.trialNumber === null ? 'Robust optimum' : `Robust optimum (trial ${r.trialNumber})`;
  return `${r.selection === 'peak' ? 'Peak' : 'Chosen'}: trial ${r.trialNumber ?? '?'}`;
}

export function metricText(x: number | null | undefined): string {
  if (x === null || x === undefined) return 'n/a';
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return x.toLocaleString('en-US');
  const abs = Math.abs(x);
  return abs !== 0 && (abs >= 1e6 || abs < 1e-3) ? x.toExponential(3) : formatDecimal(x, abs >= 1000 ? 1 : 4);
}

const FIGURES: Record<string, string> = {
  pbo: 'PBO',
  dsr: 'deflated Sharpe',
  psr: 'probabilistic Sharpe',
  walkForwardEfficiency: 'walk-forward efficiency',
  bootstrap: 'bootstrap intervals',
};

/** The robustness figures an export lacks, in words. */
export function notComputedText(figures: readonly string[]): string {
  return figures.length === 0 ? 'none' : figures.map((f) => FIGURES[f] ?? f).join(', ');
}

export function shortHash(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

/** Offers text as a file download (the browser's own save flow; the back end has already written its copy). */
export function downloadText(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
