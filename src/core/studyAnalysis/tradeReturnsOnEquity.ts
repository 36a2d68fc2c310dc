// A backtest's closed trades as returns on the equity each one started from, so a reshuffle can compound them.

/**
 * r_j = pnl_j / E_j with E_0 = initialCapital and E_{j+1} = E_j + pnl_j: for trades that follow one another (one
 * position at a time, P&L net of costs), compounding these returns in the original order rebuilds the closed-trade
 * equity path exactly, and in any order ends at the same final equity. Adding raw P&L instead would let a late, large
 * trade (sized on grown equity) land early, on a small account, and overstate reshuffled drawdowns.
 * @throws RangeError when the equity before a trade is not positive (the account was wiped out).
 */
export function tradeReturnsOnEquity(pnl: Float64Array, initialCapital: number): Float64Array {
  const out = new Float64Array(pnl.length);
  let equity = initialCapital;
  for (let j = 0; j < pnl.length; j++) {
    if (!(equity > 0)) throw new RangeError(`the equity before trade ${j} is ${equity}: the trades cannot be read as returns`);
    out[j] = pnl[j] / equity;
    equity += pnl[j];
  }
  return out;
}
