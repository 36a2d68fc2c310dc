// Parameter relevance from the GP's ARD length-scales (automatic relevance determination: Neal 1996, "Bayesian
// Learning for Neural Networks"; Rasmussen & Williams 2006 §5.1): a short length-scale ℓ means the objective changes
// quickly along that coordinate. 1/ℓ is how many length-scales a full sweep of a numeric parameter's range spans
// (the unit cube's coordinate runs over [0, 1]); shares of Σ 1/ℓ are the relevances.
//
// With `paramOfDim` the one-hot coordinates of a categorical fold into one number per parameter: switching from
// choice a to choice b moves the point by 1 along both, a scaled distance √(1/ℓ_a² + 1/ℓ_b²), whose mean square over
// pairs of choices is 2·mean(1/ℓ²); its root, √(2·mean 1/ℓ²), is the categorical's counterpart of a numeric 1/ℓ.

/**
 * Per coordinate (no paramOfDim): 1/ℓ_d normalised to sum 1. Per parameter (paramOfDim[d] = parameter of
 * coordinate d, parameters numbered 0..P−1): 1/ℓ for a single coordinate, √(2·mean 1/ℓ²) for a one-hot block,
 * normalised to sum 1. Throws a RangeError for a non-positive or non-finite length-scale or a bad mapping.
 */
export function gpRelevance(lengthscales: Float64Array, paramOfDim?: readonly number[]): Float64Array {
  const d = lengthscales.length;
  for (let c = 0; c < d; c++) {
    if (!(lengthscales[c] > 0) || !Number.isFinite(lengthscales[c])) throw new RangeError(`gpRelevance: length-scale ${c} is ${lengthscales[c]}, not a positive finite number`);
  }
  let raw: Float64Array;
  if (!paramOfDim) raw = Float64Array.from(lengthscales, (l) => 1 / l);
  else {
    if (paramOfDim.length !== d) throw new RangeError(`gpRelevance: paramOfDim has ${paramOfDim.length} entries for ${d} length-scales`);
    let params = 0;
    for (const p of paramOfDim) {
      if (!Number.isInteger(p) || p < 0) throw new RangeError(`gpRelevance: paramOfDim holds ${p}, not a parameter index`);
      params = Math.max(params, p + 1);
    }
    const sumSquares = new Float64Array(params);
    const width = new Float64Array(params);
    for (let c = 0; c < d; c++) {
      sumSquares[paramOfDim[c]] += 1 / (lengthscales[c] * lengthscales[c]);
      width[paramOfDim[c]]++;
    }
    raw = new Float64Array(params);
    for (let p = 0; p < params; p++) {
      if (width[p] === 0) throw new RangeError(`gpRelevance: parameter ${p} has no coordinate in paramOfDim`);
      raw[p] = width[p] === 1 ? Math.sqrt(sumSquares[p]) : Math.sqrt((2 * sumSquares[p]) / width[p]);
    }
  }
  let total = 0;
  for (let i = 0; i < raw.length; i++) total += raw[i];
  for (let i = 0; i < raw.length; i++) raw[i] /= total;
  return raw;
}
