// The 2× costs stress test: the same backtest with every cost the config charges doubled.
import type { BacktestConfig } from '../../shared';

/** Commission (per notional and per trade), slippage and the borrow rate, each doubled (capped at the schema's limits). */
export function doubledCosts(config: BacktestConfig): BacktestConfig {
  return {
    ...config,
    commissionBps: Math.min(10_000, config.commissionBps * 2),
    commissionPerTrade: config.commissionPerTrade * 2,
    slippageBps: Math.min(10_000, config.slippageBps * 2),
    borrowRateAnnual: Math.min(10, config.borrowRateAnnual * 2),
  };
}

export function chargesCosts(config: BacktestConfig): boolean {
  return config.commissionBps > 0 || config.commissionPerTrade > 0 || config.slippageBps > 0 || config.borrowRateAnnual > 0;
}
