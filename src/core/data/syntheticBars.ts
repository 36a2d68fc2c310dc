// Reproducible synthetic daily OHLCV data for demos and tests: a two-regime (calm bull / volatile bear)
// Markov-switching geometric Brownian motion with Student-t shocks, so the series has volatility clustering and
// fat tails like real equity prices, and no licence attached.
import type { BarSeries } from './bars';
import { Rng } from '../random/rng';
import { daysFromCivil, epochDayOf, isWeekendDay, MS_PER_DAY } from './utcCalendar';

export interface SyntheticBarsOptions {
  bars: number;
  seed: number;
  /** First bar's time, epoch ms UTC (moved forward to a weekday); default 2000-01-03, a Monday. */
  start?: number;
  frequency?: 'daily';
}

interface Regime {
  /** Annual drift and volatility of log prices. */
  drift: number;
  volatility: number;
  /** Probability of staying in this regime from one day to the next (mean stay = 1 / (1 - p) days). */
  stay: number;
  volumeScale: number;
}

const REGIMES: readonly Regime[] = [
  { drift: 0.12, volatility: 0.14, stay: 0.995, volumeScale: 1 }, // calm bull, ~200 days on average
  { drift: -0.25, volatility: 0.38, stay: 0.98, volumeScale: 1.7 }, // volatile bear, ~50 days on average
];

const TRADING_DAYS_PER_YEAR = 252;
/** Degrees of freedom of the shocks: 4 gives clearly fat tails with finite variance. */
const NU = 4;
const T_TO_UNIT_VARIANCE = Math.sqrt((NU - 2) / NU);
/** Share of a day's variance that arrives overnight (the open-to-previous-close gap). */
const OVERNIGHT_SHARE = 0.2;
const START_PRICE = 100;
const BASE_VOLUME = 1_000_000;
const DEFAULT_START = daysFromCivil(2000, 1, 3) * MS_PER_DAY;

export function generateSyntheticBars(options: SyntheticBarsOptions): BarSeries {
  const { bars, seed } = options;
  if (!Number.isInteger(bars) || bars < 0) throw new RangeError(`bars must be a non-negative integer, not ${bars}`);
  if (options.frequency !== undefined && options.frequency !== 'daily') throw new RangeError(`unsupported frequency ${String(options.frequency)}`);
  const start = options.start ?? DEFAULT_START;
  if (!Number.isFinite(start)) throw new RangeError(`start must be a finite epoch-ms time, not ${start}`);

  const rng = new Rng(seed);
  const time = new Float64Array(bars);
  const open = new Float64Array(bars);
  const high = new Float64Array(bars);
  const low = new Float64Array(bars);
  const close = new Float64Array(bars);
  const volume = new Float64Array(bars);

  const timeOfDay = start - epochDayOf(start) * MS_PER_DAY;
  let day = epochDayOf(start);
  let regime = 0;
  let previousClose = START_PRICE;
  const dt = 1 / TRADING_DAYS_PER_YEAR;

  for (let i = 0; i < bars; i++) {
    while (isWeekendDay(day)) day++;
    time[i] = day * MS_PER_DAY + timeOfDay;
    day++;

    if (rng.nextFloat() >= REGIMES[regime].stay) regime = 1 - regime;
    const { drift, volatility, volumeScale } = REGIMES[regime];
    const mu = (drift - 0.5 * volatility * volatility) * dt;
    const sigma = volatility * Math.sqrt(dt);

    const gap = mu * OVERNIGHT_SHARE + sigma * Math.sqrt(OVERNIGHT_SHARE) * rng.studentT(NU) * T_TO_UNIT_VARIANCE;
    const move = mu * (1 - OVERNIGHT_SHARE) + sigma * Math.sqrt(1 - OVERNIGHT_SHARE) * rng.studentT(NU) * T_TO_UNIT_VARIANCE;
    const o = previousClose * Math.exp(gap);
    const c = o * Math.exp(move);
    // Wicks beyond the body by half a daily sigma on average, so low <= open, close <= high by construction.
    const h = Math.max(o, c) * Math.exp(Math.abs(rng.normal()) * sigma * 0.5);
    const l = Math.min(o, c) * Math.exp(-Math.abs(rng.normal()) * sigma * 0.5);

    open[i] = o;
    high[i] = h;
    low[i] = l;
    close[i] = c;
    // Volume rises with the size of the move and in the bear regime, as it does in real markets.
    volume[i] = Math.max(1, Math.round(BASE_VOLUME * volumeScale * Math.exp(0.25 * rng.normal()) * (1 + Math.abs(move) / sigma)));
    previousClose = c;
  }
  return { length: bars, time, open, high, low, close, volume };
}
