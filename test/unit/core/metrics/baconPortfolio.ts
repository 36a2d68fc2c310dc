// The worked example data set of Carl Bacon, "Practical Portfolio Performance Measurement and Attribution",
// 2nd ed. (Wiley, 2008): 24 monthly portfolio returns, Jan 2000 .. Dec 2001, as shipped in R PerformanceAnalytics
// (`data(portfolio_bacon)`, column "portfolio monthly return (%)"), here as fractions.

export const BACON_PORTFOLIO_MONTHLY = Float64Array.from(
  [
    0.3, 2.6, 1.1, -1.0, 1.5, 2.5, 1.6, 6.7, -1.4, 4.0, -0.5, 8.1,
    4.0, -3.7, -6.1, 1.7, -4.9, -2.2, 7.0, 5.8, -6.5, 2.4, -0.5, -0.9,
  ],
  (pct) => pct / 100,
);
