import { useMemo, useState } from 'react';
import { SortableHeaderCell, SpacerRow } from '../components/SortableHeaderCell';
import { useVirtualRows } from '../hooks/useVirtualRows';
import type { ParamValue, StudyTrial } from '../../../shared';
import { formatDecimal, formatInteger } from '../format/formatNumber';

/** Every row has this height (CSS .trials-list td): the list renders only the rows in view. */
const ROW_HEIGHT = 30;
const VIEWPORT_HEIGHT = 390;
const OVERSCAN = 8;

type State = StudyTrial['state'];
const STATES: readonly State[] = ['complete', 'running', 'failed', 'pruned'];

interface Column {
  id: string;
  label: string;
  numeric: boolean;
  width: number;
  sortValue: (t: StudyTrial) => number | string | null;
  text: (t: StudyTrial) => string;
}

interface TrialsTableProps {
  trials: StudyTrial[];
  objectives: { metric: string; label: string }[];
  paramNames: string[];
  selected: number | null;
  /** Trials on the Pareto front, or the single best. */
  best: ReadonlySet<number>;
  onSelect: (trial: StudyTrial) => void;
}

function paramText(v: ParamValue | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? formatInteger(v) : formatDecimal(v, Math.abs(v) >= 100 ? 2 : 4);
  return String(v);
}

function columnsFor(objectives: TrialsTableProps['objectives'], paramNames: string[]): Column[] {
  return [
    { id: 'number', label: '#', numeric: true, width: 56, sortValue: (t) => t.number, text: (t) => String(t.number) },
    { id: 'state', label: 'State', numeric: false, width: 96, sortValue: (t) => t.state, text: (t) => (t.cached && t.state === 'complete' ? 'complete (cached)' : t.state) },
    ...objectives.map(
      (o, i): Column => ({
        id: `value-${i}`,
        label: o.label,
        numeric: true,
        width: 110,
        sortValue: (t) => t.values?.[i] ?? null,
        text: (t) => formatDecimal(t.values?.[i] ?? null, 4),
      }),
    ),
    ...paramNames.map(
      (name): Column => ({
        id: `param-${name}`,
        label: name,
        numeric: true,
        width: 96,
        sortValue: (t) => {
          const v = t.params[name];
          return typeof v === 'number' ? v : v === undefined ? null : String(v);
        },
        text: (t) => paramText(t.params[name]),
      }),
    ),
    { id: 'duration', label: 'Time (ms)', numeric: true, width: 90, sortValue: (t) => t.durationMs, text: (t) => formatDecimal(t.durationMs, 0) },
    { id: 'worker', label: 'Worker', numeric: true, width: 70, sortValue: (t) => t.worker, text: (t) => (t.worker === null ? '—' : String(t.worker)) },
  ];
}

function compare(a: number | string | null, b: number | string | null): number {
  // Missing values last in either direction is handled by the caller.
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Every trial: sortable by any column, filterable by state and by one parameter's range, virtualised. */
export function TrialsTable({ trials, objectives, paramNames, selected, best, onSelect }: TrialsTableProps) {
  const columns = useMemo(() => columnsFor(objectives, paramNames), [objectives, paramNames]);
  const [sort, setSort] = useState<{ column: string; direction: 'asc' | 'desc' }>({ column: 'number', direction: 'asc' });
  const [state, setState] = useState<State | 'all'>('all');
  const [param, setParam] = useState<string>('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');

  const rows = useMemo(() => {
    const lo = min.trim() === '' ? -Infinity : Number(min);
    const hi = max.trim() === '' ? Infinity : Number(max);
    const filtered = trials.filter((t) => {
      if (state !== 'all' && t.state !== state) return false;
      if (param) {
        const v = t.params[param];
        if (typeof v !== 'number') return false;
        if (Number.isFinite(lo) && v < lo) return false;
        if (Number.isFinite(hi) && v > hi) return false;
      }
      return true;
    });
    const column = columns.find((c) => c.id === sort.column) ?? columns[0];
    const sign = sort.direction === 'asc' ? 1 : -1;
    return filtered.sort((a, b) => {
      const va = column.sortValue(a);
      const vb = column.sortValue(b);
      if (va === null || vb === null) return va === vb ? a.number - b.number : va === null ? 1 : -1;
      return sign * compare(va, vb) || a.number - b.number;
    });
  }, [trials, state, param, min, max, columns, sort]);

  const n = rows.length;
  const { first, last, topPadding, bottomPadding, onScroll } = useVirtualRows(n, { rowHeight: ROW_HEIGHT, viewportHeight: VIEWPORT_HEIGHT, overscan: OVERSCAN });
  const minWidth = columns.reduce((w, c) => w + c.width, 0);
  const toggle = (column: string) =>
    setSort((s) => (s.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: column.startsWith('value-') ? 'desc' : 'asc' }));
  const badRange = (min.trim() !== '' && !Number.isFinite(Number(min))) || (max.trim() !== '' && !Number.isFinite(Number(max)));

  return (
    <section className="panel" aria-labelledby="trials-title">
      <div className="panel-header">
        <h2 id="trials-title" className="panel-title">
          Trials
        </h2>
        <span className="chart-decimation" data-testid="trial-count">
          {n === trials.length ? `${formatInteger(n)} trials` : `${formatInteger(n)} of ${formatInteger(trials.length)} trials`} · click a trial to open its performance profile
        </span>
      </div>
      <div className="toolbar trials-filters">
        <label className="toolbar-field">
          State
          <select className="input select input-compact" value={state} onChange={(e) => setState(e.target.value as State | 'all')} data-testid="trial-state-filter">
            <option value="all">All</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          Parameter
          <select className="input select input-compact" value={param} onChange={(e) => setParam(e.target.value)} data-testid="trial-param-filter">
            <option value="">Any</option>
            {paramNames.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          from
          <input className="input input-compact input-narrow" inputMode="decimal" value={min} disabled={!param} onChange={(e) => setMin(e.target.value)} aria-invalid={badRange || undefined} data-testid="trial-param-min" />
        </label>
        <label className="toolbar-field">
          to
          <input className="input input-compact input-narrow" inputMode="decimal" value={max} disabled={!param} onChange={(e) => setMax(e.target.value)} aria-invalid={badRange || undefined} data-testid="trial-param-max" />
        </label>
        {badRange ? <span className="field-error">Enter numbers for the range.</span> : null}
      </div>
      <div className="trade-list trials-list" style={{ maxHeight: VIEWPORT_HEIGHT }} onScroll={onScroll} data-testid="trials-table" tabIndex={0} aria-label="Trial list">
        <table className="data-table compact" style={{ minWidth }} aria-rowcount={n + 1}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.id} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((c) => {
                const active = sort.column === c.id;
                return (
                  <SortableHeaderCell
                    key={c.id}
                    label={c.label}
                    numeric={c.numeric}
                    direction={active ? sort.direction : undefined}
                    onToggle={() => toggle(c.id)}
                    testId={`trial-sort-${c.id}`}
                  />
                );
              })}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={topPadding} />
            {rows.slice(first, last).map((t, k) => {
              const cls = ['trial-row', `trial-${t.state}`, t.number === selected ? 'is-selected' : null, best.has(t.number) ? 'is-best' : null].filter(Boolean).join(' ');
              return (
                <tr
                  key={t.number}
                  className={cls}
                  aria-rowindex={first + k + 2}
                  aria-selected={t.number === selected}
                  data-testid="trial-row"
                  data-trial={t.number}
                  data-state={t.state}
                  title={t.failReason ?? undefined}
                  onClick={() => onSelect(t)}
                >
                  {columns.map((c) => (
                    <td key={c.id} className={c.numeric ? 'numeric' : undefined}>
                      {c.id === 'state' ? <span className={`state-dot state-${t.state}`} aria-hidden="true" /> : null}
                      {c.text(t)}
                      {c.id === 'number' && best.has(t.number) ? <span className="best-mark" title="Best so far">★</span> : null}
                    </td>
                  ))}
                </tr>
              );
            })}
            <SpacerRow height={bottomPadding} />
          </tbody>
        </table>
        {n === 0 ? <p className="muted trials-empty">{trials.length === 0 ? 'No trials yet.' : 'No trial matches the filters.'}</p> : null}
      </div>
    </section>
  );
}
