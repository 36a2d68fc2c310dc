// Conformance of src/core/indicators with R's TTR 0.24.3 on the reference files in /work/shared/reference:
// every column, every row, within 1e-9 relative, NaN exactly on TTR's NA rows, and a count of bit-exact values.

import { describe, expect, it } from 'vitest';
import {
  atr,
  bbands,
  donchian,
  ema,
  macd,
  roc,
  rollingStd,
  rsi,
  sma,
  stochastic,
  wma,
} from '../../../../src/core/indicators';
import { column, readTable, type Table } from './ttrReference';

interface Ohlc {
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
}

/** Each reference column: the R call that produced it and the same computation here. */
interface ColumnSpec {
  col: string;
  call: string;
  compute: (d: Ohlc) => Float64Array;
}

const COLUMNS: ColumnSpec[] = [
  { col: 'sma_20', call: 'SMA(close, n = 20)', compute: (d) => sma(d.close, 20) },
  { col: 'ema_20', call: 'EMA(close, n = 20)', compute: (d) => ema(d.close, 20) },
  { col: 'wma_20', call: 'WMA(close, n = 20)', compute: (d) => wma(d.close, 20) },
  { col: 'rsi_14', call: 'RSI(close, n = 14)', compute: (d) => rsi(d.close, 14) },
  { col: 'bb_dn', call: 'BBands(close, n = 20, sd = 2)[, "dn"]', compute: (d) => bbands(d.close, 20, 2).lower },
  { col: 'bb_mavg', call: 'BBands(close, n = 20, sd = 2)[, "mavg"]', compute: (d) => bbands(d.close, 20, 2).middle },
  { col: 'bb_up', call: 'BBands(close, n = 20, sd = 2)[, "up"]', compute: (d) => bbands(d.close, 20, 2).upper },
  { col: 'bb_pctB', call: 'BBands(close, n = 20, sd = 2)[, "pctB"]', compute: (d) => bbands(d.close, 20, 2).pctB },
  {
    col: 'macd_pct',
    call: 'MACD(close, 12, 26, 9, maType = "EMA")[, "macd"]',
    compute: (d) => macd(d.close, 12, 26, 9, { percent: true }).macd,
  },
  {
    col: 'macd_pct_signal',
    call: 'MACD(close, 12, 26, 9, maType = "EMA")[, "signal"]',
    compute: (d) => macd(d.close, 12, 26, 9, { percent: true }).signal,
  },
  {
    col: 'macd_diff',
    call: 'MACD(close, 12, 26, 9, maType = "EMA", percent = FALSE)[, "macd"]',
    compute: (d) => macd(d.close, 12, 26, 9).macd,
  },
  {
    col: 'macd_diff_signal',
    call: 'MACD(close, 12, 26, 9, maType = "EMA", percent = FALSE)[, "signal"]',
    compute: (d) => macd(d.close, 12, 26, 9).signal,
  },
  { col: 'atr_tr', call: 'ATR(hlc, n = 14)[, "tr"]', compute: (d) => atr(d.high, d.low, d.close, 14).trueRange },
  { col: 'atr_atr', call: 'ATR(hlc, n = 14)[, "atr"]', compute: (d) => atr(d.high, d.low, d.close, 14).atr },
  { col: 'roc_10', call: 'ROC(close, n = 10, type = "discrete")', compute: (d) => roc(d.close, 10) },
  { col: 'runsd_20', call: 'runSD(close, n = 20)', compute: (d) => rollingStd(d.close, 20) },
  { col: 'dc_high', call: 'DonchianChannel(hl, n = 20)[, "high"]', compute: (d) => donchian(d.high, d.low, 20).upper },
  { col: 'dc_mid', call: 'DonchianChannel(hl, n = 20)[, "mid"]', compute: (d) => donchian(d.high, d.low, 20).middle },
  { col: 'dc_low', call: 'DonchianChannel(hl, n = 20)[, "low"]', compute: (d) => donchian(d.high, d.low, 20).lower },
  {
    col: 'stoch_fastK',
    call: 'stoch(hlc, 14, 3, 3)[, "fastK"]',
    compute: (d) => stochastic(d.high, d.low, d.close, 14, 3, 3).fastK,
  },
  {
    col: 'stoch_fastD',
    call: 'stoch(hlc, 14, 3, 3)[, "fastD"]',
    compute: (d) => stochastic(d.high, d.low, d.close, 14, 3, 3).fastD,
  },
  {
    col: 'stoch_slowD',
    call: 'stoch(hlc, 14, 3, 3)[, "slowD"]',
    compute: (d) => stochastic(d.high, d.low, d.close, 14, 3, 3).slowD,
  },
];

const DATASETS = [
  { name: 'ttrc', input: 'ttrc.csv', reference: 'ttr_indicators_ttrc.csv' },
  { name: 'msft', input: 'msft.csv', reference: 'ttr_indicators_msft.csv' },
];

interface Comparison {
  /** Rows (1-based, as in R) that break the NA pattern or the tolerance, with both values. */
  failures: string[];
  nonNA: number;
  bitExact: number;
}

/** |a - b| <= 1e-9 * max(1, |b|) where b is a number; a must be NaN exactly where b is NA. */
function compare(actual: Float64Array, expected: Float64Array): Comparison {
  const failures: string[] = [];
  let nonNA = 0;
  let bitExact = 0;
  if (actual.length < expected.length) failures.push(`length ${actual.length} < ${expected.length}`);
  for (let r = 0; r < expected.length && r < actual.length; r++) {
    const a = actual[r];
    const b = expected[r];
    if (Number.isNaN(b)) {
      if (!Number.isNaN(a)) failures.push(`row ${r + 1}: expected NA, got ${a}`);
      continue;
    }
    nonNA++;
    if (Object.is(a, b)) bitExact++;
    else if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)))) failures.push(`row ${r + 1}: expected ${b}, got ${a}`);
  }
  return { failures, nonNA, bitExact };
}

function load(input: string, reference: string): { data: Ohlc; ref: Table } {
  const inp = readTable(input);
  const ref = readTable(reference);
  // The reference may cover only a prefix of the input (ttrc: first 1000 rows); the rows must line up.
  if (ref.dates.length === 0 || ref.dates.some((d, i) => inp.dates[i] !== d)) {
    throw new Error(`${reference}: dates do not line up with the first rows of ${input}`);
  }
  return {
    data: { high: column(inp, 'high'), low: column(inp, 'low'), close: column(inp, 'close') },
    ref,
  };
}

for (const ds of DATASETS) {
  describe(`R TTR 0.24.3 conformance on ${ds.reference} (inputs ${ds.input})`, () => {
    const { data, ref } = load(ds.input, ds.reference);

    it('the reference file has exactly the 22 expected columns', () => {
      expect(ref.header.slice(1)).toEqual(COLUMNS.map((c) => c.col));
    });

    for (const spec of COLUMNS) {
      it(`${spec.col} matches R TTR 0.24.3 ${spec.call} on every row (tolerance 1e-9 rel, NaN on NA rows)`, () => {
        const res = compare(spec.compute(data), column(ref, spec.col));
        expect(res.failures.slice(0, 10), `${res.failures.length} failing rows`).toEqual([]);
        expect(res.nonNA).toBeGreaterThan(0);
      });
    }

    it('every non-NA value is bit-exact with R TTR 0.24.3 (same IEEE operation order)', () => {
      const lines: string[] = [];
      let total = 0;
      let exact = 0;
      for (const spec of COLUMNS) {
        const res = compare(spec.compute(data), column(ref, spec.col));
        total += res.nonNA;
        exact += res.bitExact;
        lines.push(`${spec.col.padEnd(17)} ${res.bitExact}/${res.nonNA}`);
      }
      console.log(`${ds.name}: ${exact}/${total} non-NA values bit-exact with TTR\n  ${lines.join('\n  ')}`);
      expect(lines.filter((l) => !/ (\d+)\/\1$/.test(l))).toEqual([]);
    });
  });
}

describe('the conformance comparison can fail', () => {
  const { data, ref } = load('ttrc.csv', 'ttr_indicators_ttrc.csv');

  it('rejects a wrong window, seed, smoothing constant or divisor', () => {
    expect(compare(sma(data.close, 19), column(ref, 'sma_20')).failures.length).toBeGreaterThan(0);
    expect(compare(ema(data.close, 20, { wilder: true }), column(ref, 'ema_20')).failures.length).toBeGreaterThan(0);
    expect(compare(rollingStd(data.close, 20, { sample: false }), column(ref, 'runsd_20')).failures.length).toBeGreaterThan(0);
    expect(compare(bbands(data.close, 20, 2.0000001).upper, column(ref, 'bb_up')).failures.length).toBeGreaterThan(0);
  });

  it('rejects a value where the reference is NA and NaN where it is not', () => {
    const expected = new Float64Array([NaN, 1, 2]);
    expect(compare(new Float64Array([0, 1, 2]), expected).failures).toHaveLength(1);
    expect(compare(new Float64Array([NaN, NaN, 2]), expected).failures).toHaveLength(1);
    expect(compare(new Float64Array([NaN, 1, 2 + 1e-8]), expected).failures).toHaveLength(1);
    expect(compare(new Float64Array([NaN, 1, 2 + 1e-15]), expected).failures).toHaveLength(0);
  });
});
