// A plain-text table of a strategy's parameters (name, type, domain, default) and its constraints, which the
// CLI prints under a parameter error so the user sees the whole space at once.
import { formatChoices, formatValue } from './paramFormat';
import type { ParamSpec, ParamValues } from './paramSpec';
import type { Strategy } from './strategy';

function rangeText(spec: ParamSpec): string {
  if (spec.type === 'categorical') return formatChoices(spec.choices);
  const extras: string[] = [];
  if (spec.step !== undefined && !(spec.type === 'int' && spec.step === 1)) extras.push(`step ${spec.step}`);
  if (spec.log === true) extras.push('log scale');
  return `[${spec.low}, ${spec.high}]${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/**
 * For example:
 * ```
 * sma-crossover (SMA crossover) parameters:
 *   fast  int          [2, 100] (log scale)       default 10           Fast moving-average period, in bars.
 *   mode  categorical  'long-flat', 'long-short'  default 'long-flat'  ...
 * constraints: fast < slow
 * ```
 */
export function describeParamSpace<P extends ParamValues>(strategy: Strategy<P>): string {
  const head = `${strategy.name} (${strategy.label}) parameters:`;
  if (strategy.params.length === 0) return `${head} none`;
  const rows = strategy.params.map((s) => [s.name, s.type, rangeText(s), `default ${formatValue(s.default)}`, s.description ?? '']);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => `  ${r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell)).join('  ')}`.trimEnd());
  const constraints = strategy.constraints ?? [];
  if (constraints.length > 0) lines.push(`constraints: ${constraints.map((c) => c.text).join('; ')}`);
  return [head, ...lines].join('\n');
}
