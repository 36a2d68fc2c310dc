// Ordinary least squares of y on x with an intercept, for CSCV's performance-degradation line.

export interface OlsLine {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * y ≈ intercept + slope·x by OLS over the pairs where both values are finite:
 * slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope·x̄ (Gauss–Legendre least squares; used for the
 * degradation regression of Bailey, Borwein, López de Prado & Zhu, "The Probability of Backtest Overfitting"
 * (2017), §2.4). NaN for both when fewer than two finite pairs remain or every x is equal.
 */
export function olsLine(x: Float64Array, y: Float64Array): OlsLine {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      n++;
      sx += x[i];
      sy += y[i];
    }
  }
  if (n < 2) return { slope: NaN, intercept: NaN };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      const dx = x[i] - mx;
      sxx += dx * dx;
      sxy += dx * (y[i] - my);
    }
  }
  if (!(sxx > 0)) return { slope: NaN, intercept: NaN };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
