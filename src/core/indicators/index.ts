// Technical indicators on Float64Array price series (moving averages, RSI, Bollinger, MACD, ATR, ROC, rolling
// SD/max/min, Donchian, stochastic) that reproduce R's TTR 0.24.3; this file re-exports every one of them.

export { sma, smaInto } from './sma';
export { ema, emaInto, type EmaOptions } from './ema';
export { wma, wmaInto } from './wma';
export { rsi, rsiInto } from './rsi';
export { bbands, bbandsInto, type BBandsResult } from './bbands';
export { macd, macdInto, type MacdOptions, type MacdResult } from './macd';
export { atr, atrInto, type AtrResult } from './atr';
export { roc, rocInto } from './roc';
export { rollingStd, rollingStdInto, type RollingStdOptions } from './rollingStd';
export { rollingMax, rollingMaxInto, rollingMin, rollingMinInto } from './rollingExtrema';
export { donchian, donchianInto, type DonchianResult } from './donchian';
export { stochastic, stochasticInto, type StochasticResult } from './stochastic';
