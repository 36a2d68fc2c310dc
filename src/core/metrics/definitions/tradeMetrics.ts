// Metric definitions computed from the closed trades: count, win rate, profit factor, average win and loss,
// expectancy in currency and in return.

import { defineMetric } from '../metricDefinition';

/** Number of closed trades. 0 for an empty trade list; NaN when the input has no trade list at all. */
export const numberOfTradesMetric = defineMetric({
  id: 'number_of_trades',
  label: 'Number of trades',
  unit: 'count',
  // More trades give more evidence for the other statistics, which is why tuners filter on a minimum.
  direction: 'maximize',
  group: 'trades',
  description: 'How many trades were closed.',
  compute: (ctx) => ctx.trades?.count ?? NaN,
});

/** Win rate `#{pnl > 0} / #trades`; break-even trades count as trades, not wins. NaN without trades. */
export const winRateMetric = defineMetric({
  id: 'win_rate',
  label: 'Win rate',
  unit: 'fraction',
  direction: 'maximize',
  group: 'trades',
  description: 'Share of trades that made money.',
  compute: (ctx) => ctx.trades?.winRate ?? NaN,
});

/**
 * Profit factor `Σ pnl⁺ / |Σ pnl⁻|` (gross profit over gross loss of the trades). NaN without trades and without
 * a losing trade (ratioOrNaN), never +Infinity.
 */
export const profitFactorMetric = defineMetric({
  id: 'profit_factor',
  label: 'Profit factor',
  unit: 'ratio',
  direction: 'maximize',
  group: 'trades',
  description: 'Gross profit of winning trades divided by gross loss of losing trades.',
  compute: (ctx) => ctx.trades?.profitFactor ?? NaN,
});

/** Average win `Σ pnl⁺ / #{pnl > 0}`, in currency. NaN without a winning trade. */
export const averageWinMetric = defineMetric({
  id: 'average_win',
  label: 'Average win',
  unit: 'currency',
  direction: 'maximize',
  group: 'trades',
  description: 'Mean profit of the winning trades.',
  compute: (ctx) => ctx.trades?.averageWin ?? NaN,
});

/**
 * Average loss `Σ pnl⁻ / #{pnl < 0}`, SIGNED (negative), in currency, so that larger is better like every loss in
 * this registry. NaN without a losing trade.
 */
export const averageLossMetric = defineMetric({
  id: 'average_loss',
  label: 'Average loss',
  unit: 'currency',
  direction: 'maximize',
  group: 'trades',
  description: 'Mean loss of the losing trades, as a negative amount.',
  compute: (ctx) => ctx.trades?.averageLoss ?? NaN,
});

/** Expectancy `Σ pnl / #trades`, the mean pnl per trade in currency. NaN without trades. */
export const expectancyMetric = defineMetric({
  id: 'expectancy',
  label: 'Expectancy',
  unit: 'currency',
  direction: 'maximize',
  group: 'trades',
  description: 'Mean profit or loss per trade.',
  compute: (ctx) => ctx.trades?.expectancy ?? NaN,
});

/** Expectancy in return `Σ trade return / #trades`. NaN without trades or when trades carry no returns. */
export const expectancyReturnMetric = defineMetric({
  id: 'expectancy_return',
  label: 'Expectancy (return)',
  unit: 'fraction',
  direction: 'maximize',
  group: 'trades',
  description: 'Mean return per trade.',
  compute: (ctx) => ctx.trades?.expectancyReturn ?? NaN,
});
