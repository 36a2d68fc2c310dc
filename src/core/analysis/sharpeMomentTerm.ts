// The non-normality term of the Sharpe ratio's asymptotic variance, shared by PSR, DSR and MinTRL.

/**
 * 1 − γ3·SR + (γ4 − 1)/4 · SR², the factor by which skewness γ3 and (NON-excess) kurtosis γ4 scale the variance
 * of an estimated per-period Sharpe ratio SR: Var[SR̂] ≈ (1 − γ3·SR + (γ4 − 1)/4·SR²) / (n − 1).
 * Mertens (2002), as used by Bailey & López de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2)
 * (2012). Equals 1 + SR²/2 for normal returns (γ3 = 0, γ4 = 3). Non-negative for any real distribution, since
 * γ4 >= 1 + γ3² makes it >= (1 − γ3·SR/2)².
 */
export function sharpeMomentTerm(sharpe: number, skewness: number, kurtosis: number): number {
  return 1 - skewness * sharpe + ((kurtosis - 1) / 4) * sharpe * sharpe;
}
