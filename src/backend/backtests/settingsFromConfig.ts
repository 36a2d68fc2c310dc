// Turns the contract's serialisable BacktestConfig into the engine's settings objects (cost model, sizing).
import { allInSizing, bpsCostModel, fixedFractionSizing, volTargetSizing, type BacktestOptions, type PositionSizing } from '../../core';
import type { BacktestConfig, SizingConfig } from '../../shared';

export function settingsFromConfig(config: BacktestConfig): BacktestOptions {
  return {
    initialCapital: config.initialCapital,
    fill: config.fill,
    direction: config.direction,
    rebalance: config.rebalance,
    costModel: bpsCostModel({
      commissionBps: config.commissionBps,
      commissionPerTrade: config.commissionPerTrade,
      slippageBps: config.slippageBps,
      borrowRateAnnual: config.borrowRateAnnual,
    }),
    sizing: sizingFromConfig(config.sizing),
    stopLossPct: config.stopLossPct,
    takeProfitPct: config.takeProfitPct,
    trailingStopPct: config.trailingStopPct,
  };
}

function sizingFromConfig(sizing: SizingConfig): PositionSizing {
  switch (sizing.kind) {
    case 'allIn':
      return allInSizing();
    case 'fixedFraction':
      return fixedFractionSizing({ fraction: sizing.fraction });
    case 'volTarget':
      return volTargetSizing({ targetVolAnnual: sizing.targetVolAnnual, lookback: sizing.lookback, maxLeverage: sizing.maxLeverage });
  }
}
