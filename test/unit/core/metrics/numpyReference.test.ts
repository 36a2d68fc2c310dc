// Conformance with an independent implementation on real data: buy-and-hold of the SMI index (1860 daily closes,
// ../shared/reference/eustock_SMI.csv), every return-, equity- and distribution-based metric against values
// computed with numpy 2.4.6 and scipy 1.17.1 by the script below, to a relative 1e-10.
//
//   closes = np.array([...close column...]); P = 260; n = len(closes)
//   r = np.concatenate([[0.0], closes[1:] / closes[:-1] - 1])      # placeholder 0 on the first bar, as here
//   total_return = closes[-1]/closes[0] - 1;  cagr = (closes[-1]/closes[0]) ** (P/(n-1)) - 1
//   volatility = r.std(ddof=1) * sqrt(P);  sharpe = (r.mean() - ((1.02)**(1/P) - 1)) / r.std(ddof=1) * sqrt(P)
//   sortino = r.mean() / sqrt(mean(minimum(r, 0)**2)) * sqrt(P);  omega = maximum(r,0).sum() / maximum(-r,0).sum()
//   max_drawdown = (closes / maximum.accumulate(closes) - 1).min();  calmar = cagr / abs(max_drawdown)
//   max_drawdown_duration: a loop over peaks (first bar back at or above the peak, or the last bar)
//   var = percentile(r, 5); cvar = r[r <= var].mean(); tail_ratio = abs(percentile(r, 95)) / abs(percentile(r, 5))
//   skewness = scipy.stats.skew(r); excess_kurtosis = scipy.stats.kurtosis(r)           # both default bias=True

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricId } from '../../../../src/core/metrics';
import { referenceDir } from '../../../helpers/paths';

const NUMPY: Partial<Record<MetricId, number>> = {
  total_return: 3.574399618616293,
  cagr: 0.23695647935626107,
  volatility: 0.1488281898341087,
  sharpe: 1.3701873259759592,
  sortino: 2.1785429690490195,
  omega: 1.294475849301973,
  max_drawdown: -0.22907752328215447,
  max_drawdown_duration: 470,
  var: -0.01388396267348731,
  cvar: -0.02123213806530712,
  skewness: -0.5329307027870991,
  excess_kurtosis: 5.207650292668621,
  tail_ratio: 1.0776210986479102,
  calmar: 1.034394278239171,
};

function smiCloses(): Float64Array {
  const lines = readFileSync(resolve(referenceDir, 'eustock_SMI.csv'), 'utf8').trim().split('\n').slice(1);
  return Float64Array.from(lines, (line) => Number(line.split(',')[1]));
}

describe('metrics agree with numpy/scipy on real data (SMI buy-and-hold, 1991-1998)', () => {
  const equity = smiCloses();
  const returns = new Float64Array(equity.length);
  for (let i = 1; i < equity.length; i++) returns[i] = equity[i] / equity[i - 1] - 1;
  const values = computeMetrics({ returns, equity }, { periodsPerYear: 260, riskFreeRateAnnual: 0.02 });

  it('reads the whole series', () => {
    expect(equity.length).toBe(1860);
  });

  for (const [id, want] of Object.entries(NUMPY) as Array<[MetricId, number]>) {
    it(id, () => {
      expect(Math.abs(values[id] - want)).toBeLessThanOrEqual(1e-10 * Math.abs(want));
    });
  }
});
