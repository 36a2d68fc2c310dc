// The trade list's columns: what each shows, how it sorts and how it is formatted.
import type { TradeTable } from '../../../shared';
import { formatDate, formatDateTime } from '../format/formatDate';
import { formatDecimal, formatInteger, formatPrice } from '../format/formatNumber';
import { formatPercent } from '../format/formatPercent';
import { signClass } from './formatMetric';

export interface TradeColumn {
  id: string;
  label: string;
  numeric: boolean;
  /** Width in pixels (times: for daily data); the table has a fixed layout so virtualised rows never shift the columns. */
  width: number;
  /** Width when times carry a time of day. */
  intradayWidth?: number;
  /** The value sorted on; null sorts last either way. */
  sortValue: (t: TradeTable, i: number) => number | string | null;
  text: (t: TradeTable, i: number, daily: boolean) => string;
  tone?: (t: TradeTable, i: number) => string | undefined;
}

const EXIT_REASONS: Record<string, string> = {
  signal: 'Signal',
  stopLoss: 'Stop loss',
  takeProfit: 'Take profit',
  trailingStop: 'Trailing stop',
  endOfData: 'End of data',
};

export function exitReasonLabel(reason: string): string {
  return EXIT_REASONS[reason] ?? reason;
}

function formatSize(size: number): string {
  const abs = Math.abs(size);
  return formatDecimal(size, abs >= 1000 ? 0 : abs >= 1 ? 2 : 4);
}

const when = (ms: number, daily: boolean) => (daily ? formatDate(ms) : formatDateTime(ms));

export const TRADE_COLUMNS: TradeColumn[] = [
  { id: 'index', label: '#', numeric: true, width: 36, sortValue: (_, i) => i, text: (_, i) => formatInteger(i + 1) },
  { id: 'entryTime', label: 'Entry (UTC)', numeric: false, width: 88, intradayWidth: 128, sortValue: (t, i) => t.entryTime[i], text: (t, i, d) => when(t.entryTime[i], d) },
  { id: 'exitTime', label: 'Exit (UTC)', numeric: false, width: 88, intradayWidth: 128, sortValue: (t, i) => t.exitTime[i], text: (t, i, d) => when(t.exitTime[i], d) },
  {
    id: 'side',
    label: 'Side',
    numeric: false,
    width: 48,
    sortValue: (t, i) => Math.sign(t.size[i]),
    text: (t, i) => (t.size[i] >= 0 ? 'Long' : 'Short'),
    tone: (t, i) => (t.size[i] >= 0 ? 'positive' : 'negative'),
  },
  { id: 'entryPrice', label: 'Entry price', numeric: true, width: 76, sortValue: (t, i) => t.entryPrice[i], text: (t, i) => formatPrice(t.entryPrice[i]) },
  { id: 'exitPrice', label: 'Exit price', numeric: true, width: 76, sortValue: (t, i) => t.exitPrice[i], text: (t, i) => formatPrice(t.exitPrice[i]) },
  { id: 'size', label: 'Size (units)', numeric: true, width: 80, sortValue: (t, i) => t.size[i], text: (t, i) => formatSize(t.size[i]) },
  { id: 'pnl', label: 'P&L', numeric: true, width: 88, sortValue: (t, i) => t.pnl[i], text: (t, i) => formatDecimal(t.pnl[i], 2), tone: (t, i) => signClass(t.pnl[i]) },
  {
    id: 'returnPct',
    label: 'Return',
    numeric: true,
    width: 68,
    sortValue: (t, i) => t.returnPct[i],
    text: (t, i) => formatPercent(t.returnPct[i], 2, true),
    tone: (t, i) => signClass(t.returnPct[i]),
  },
  { id: 'costs', label: 'Costs', numeric: true, width: 62, sortValue: (t, i) => t.costs[i], text: (t, i) => formatDecimal(t.costs[i], 2) },
  { id: 'barsHeld', label: 'Bars held', numeric: true, width: 64, sortValue: (t, i) => t.barsHeld[i], text: (t, i) => formatInteger(t.barsHeld[i]) },
  { id: 'exitReason', label: 'Exit reason', numeric: false, width: 90, sortValue: (t, i) => exitReasonLabel(t.exitReason[i]), text: (t, i) => exitReasonLabel(t.exitReason[i]) },
];
