import { useMemo, useState } from 'react';
import { SortableHeaderCell, SpacerRow } from '../components/SortableHeaderCell';
import { useVirtualRows } from '../hooks/useVirtualRows';
import type { TradeTable } from '../../../shared';
import { formatInteger } from '../format/formatNumber';
import { isDailyTimes } from './figures/timeScale';
import { TRADE_COLUMNS } from './tradeColumns';
import { tradeOrder, type TradeSort } from './tradeOrder';

/** Every row has exactly this height (CSS .trade-list td), which is what lets the list render only what is visible. */
const ROW_HEIGHT = 30;
const VIEWPORT_HEIGHT = 420;
/** Rows rendered beyond each edge of the viewport, so fast scrolling does not flash blank rows. */
const OVERSCAN = 8;

/**
 * The trade list, sortable by any column and virtualised: only the rows in view (plus a margin) are in the DOM,
 * between two spacer rows that keep the scroll height of the whole list, so a hundred thousand trades scroll freely.
 */
export function TradeList({ trades }: { trades: TradeTable }) {
  const n = trades.entryTime.length;
  const [sort, setSort] = useState<TradeSort>({ column: 'index', direction: 'asc' });
  const daily = useMemo(() => isDailyTimes(trades.entryTime) && isDailyTimes(trades.exitTime), [trades]);
  const order = useMemo(() => {
    const column = TRADE_COLUMNS.find((c) => c.id === sort.column) ?? TRADE_COLUMNS[0];
    return tradeOrder(trades, column, sort.direction);
  }, [trades, sort]);

  const { first, last, topPadding, bottomPadding, onScroll } = useVirtualRows(n, { rowHeight: ROW_HEIGHT, viewportHeight: VIEWPORT_HEIGHT, overscan: OVERSCAN });
  const widthOf = (c: (typeof TRADE_COLUMNS)[number]) => (daily ? c.width : (c.intradayWidth ?? c.width));
  const minWidth = TRADE_COLUMNS.reduce((w, c) => w + widthOf(c), 0);

  const toggle = (column: string) =>
    setSort((s) => (s.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));

  return (
    <section className="panel" aria-labelledby="trades-title">
      <div className="panel-header">
        <h2 id="trades-title" className="panel-title">
          Trades
        </h2>
        <span className="chart-decimation" data-testid="trade-count">
          {formatInteger(n)} {n === 1 ? 'trade' : 'trades'}
        </span>
      </div>
      {n === 0 ? (
        <p className="muted" data-testid="trade-table">
          The strategy made no trades on this dataset with these settings.
        </p>
      ) : (
        <div
          className="trade-list"
          style={{ maxHeight: VIEWPORT_HEIGHT }}
          onScroll={onScroll}
          data-testid="trade-table"
          tabIndex={0}
          aria-label="Trade list"
        >
          <table className="data-table compact" style={{ minWidth }} aria-rowcount={n + 1}>
            <colgroup>
              {TRADE_COLUMNS.map((c) => (
                <col key={c.id} style={{ width: widthOf(c) }} />
              ))}
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                {TRADE_COLUMNS.map((c) => {
                  const active = sort.column === c.id;
                  return (
                    <SortableHeaderCell
                      key={c.id}
                      label={c.label}
                      numeric={c.numeric}
                      direction={active ? sort.direction : undefined}
                      onToggle={() => toggle(c.id)}
                      testId={`sort-${c.id}`}
                    />
                  );
                })}
              </tr>
            </thead>
            <tbody>
              <SpacerRow height={topPadding} />
              {order.slice(first, last).map((i, k) => (
                <tr key={i} aria-rowindex={first + k + 2} data-testid="trade-row">
                  {TRADE_COLUMNS.map((c) => {
                    const tone = c.tone?.(trades, i);
                    const cls = [c.numeric ? 'numeric' : null, tone].filter(Boolean).join(' ') || undefined;
                    return (
                      <td key={c.id} className={cls}>
                        {c.text(trades, i, daily)}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <SpacerRow height={bottomPadding} />
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
