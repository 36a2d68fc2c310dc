import type { TradeTable } from '../../../shared';
import type { TradeColumn } from './tradeColumns';

export interface TradeSort {
  column: string;
  direction: 'asc' | 'desc';
}

/** Row indices in display order: sorted by the column (stable, ties in trade order), missing values last. */
export function tradeOrder(trades: TradeTable, column: TradeColumn, direction: TradeSort['direction']): number[] {
  const n = trades.entryTime.length;
  const keys = Array.from({ length: n }, (_, i) => column.sortValue(trades, i));
  const order = Array.from({ length: n }, (_, i) => i);
  const sign = direction === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return c !== 0 ? sign * c : a - b;
  });
  return order;
}
