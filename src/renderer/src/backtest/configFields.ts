// The numeric settings of the "Costs & execution" panel: label, unit, allowed range and how the shown number
// maps to the contract's BacktestConfig (rates are typed as percentages and sent as fractions).
import type { NumberRule } from './numberInput';

export type ConfigNumberKey =
  | 'initialCapital'
  | 'commissionBps'
  | 'commissionPerTrade'
  | 'slippageBps'
  | 'borrowRateAnnual'
  | 'fraction'
  | 'targetVolAnnual'
  | 'lookback'
  | 'maxLeverage'
  | 'stopLossPct'
  | 'takeProfitPct'
  | 'trailingStopPct'
  | 'riskFreeRateAnnual'
  | 'periodsPerYear';

export interface ConfigField {
  key: ConfigNumberKey;
  /** Where the value goes in the request, and where the back end's error location points. */
  path: string;
  label: string;
  unit: string;
  rule: NumberRule;
  /** Shown number = config value × scale (100 for rates shown as percentages). */
  scale: number;
  hint?: string;
  step?: number;
}

const field = (f: Omit<ConfigField, 'scale'> & { scale?: number }): ConfigField => ({ scale: 1, ...f });

export const CONFIG_FIELDS: Record<ConfigNumberKey, ConfigField> = {
  initialCapital: field({ key: 'initialCapital', path: 'config.initialCapital', label: 'Initial capital', unit: 'currency', rule: { min: 0, minExclusive: true }, step: 1000 }),
  commissionBps: field({ key: 'commissionBps', path: 'config.commissionBps', label: 'Commission', unit: 'bps of notional', rule: { min: 0, max: 10_000 }, step: 0.5 }),
  commissionPerTrade: field({ key: 'commissionPerTrade', path: 'config.commissionPerTrade', label: 'Fee per fill', unit: 'currency', rule: { min: 0 }, step: 1 }),
  slippageBps: field({ key: 'slippageBps', path: 'config.slippageBps', label: 'Slippage', unit: 'bps', rule: { min: 0, max: 10_000 }, step: 0.5 }),
  borrowRateAnnual: field({ key: 'borrowRateAnnual', path: 'config.borrowRateAnnual', label: 'Short borrow rate', unit: '% per year', rule: { min: 0, max: 1000 }, scale: 100, step: 0.25 }),
  fraction: field({ key: 'fraction', path: 'config.sizing.fraction', label: 'Fraction of equity', unit: '%', rule: { min: 0, max: 100, minExclusive: true }, scale: 100, step: 5 }),
  targetVolAnnual: field({ key: 'targetVolAnnual', path: 'config.sizing.targetVolAnnual', label: 'Target volatility', unit: '% per year', rule: { min: 0, max: 500, minExclusive: true }, scale: 100, step: 1 }),
  lookback: field({ key: 'lookback', path: 'config.sizing.lookback', label: 'Volatility lookback', unit: 'bars', rule: { min: 2, max: 10_000, integer: true }, step: 1 }),
  maxLeverage: field({ key: 'maxLeverage', path: 'config.sizing.maxLeverage', label: 'Max leverage', unit: '× equity', rule: { min: 0, max: 100, minExclusive: true }, step: 0.5 }),
  stopLossPct: field({ key: 'stopLossPct', path: 'config.stopLossPct', label: 'Stop loss', unit: '% from entry', rule: { min: 0, max: 100, maxExclusive: true }, hint: '0 = off', step: 0.5 }),
  takeProfitPct: field({ key: 'takeProfitPct', path: 'config.takeProfitPct', label: 'Take profit', unit: '% from entry', rule: { min: 0 }, hint: '0 = off', step: 0.5 }),
  trailingStopPct: field({ key: 'trailingStopPct', path: 'config.trailingStopPct', label: 'Trailing stop', unit: '% from best price', rule: { min: 0, max: 100, maxExclusive: true }, hint: '0 = off', step: 0.5 }),
  riskFreeRateAnnual: field({ key: 'riskFreeRateAnnual', path: 'config.riskFreeRateAnnual', label: 'Risk-free rate', unit: '% per year', rule: { min: -100, max: 100 }, scale: 100, step: 0.25 }),
  periodsPerYear: field({ key: 'periodsPerYear', path: 'config.periodsPerYear', label: 'Bars per year', unit: 'bars', rule: { min: 0, minExclusive: true, optional: true }, hint: 'empty = detected from the dataset' }),
};

export const FILL_OPTIONS = [
  { value: 'nextOpen', label: "Next bar's open" },
  { value: 'close', label: "Signal bar's close" },
] as const;

export const DIRECTION_OPTIONS = [
  { value: 'longShort', label: 'Long and short' },
  { value: 'longOnly', label: 'Long only' },
  { value: 'shortOnly', label: 'Short only' },
] as const;

export const SIZING_OPTIONS = [
  { value: 'allIn', label: 'All in (target × equity)' },
  { value: 'fixedFraction', label: 'Fixed fraction of equity' },
  { value: 'volTarget', label: 'Volatility target' },
] as const;
