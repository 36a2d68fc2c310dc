// The GP posterior of a study over two numeric parameters, the others held fixed: the contour view's data.
// Mean: exact at every grid point (Rasmussen & Williams 2006, eq. 2.25, μ = k*ᵀα). Only two coordinates move, so
// the scaled squared distance to each trial splits into a fixed part and one term per axis, computed once:
// r² = base_i + ax_i(x) + ay_i(y), leaving one Matérn evaluation per trial and grid point.
// Sd: the latent variance σ² = σ_f² − ‖L \ k*‖² (eq. 2.26) costs a triangular solve, O(n²), per point, which at
// n = 500 and 100×100 points is over 10⁹ multiply-adds. It is computed exactly on a coarser grid spanning the same
// axes (default 34×34, `sdResolution`) and bilinearly interpolated to the full grid; the posterior variance of a
// Matérn-5/2 GP is smooth (twice differentiable), so the interpolation error is small next to the sd itself:
// 3% of the largest sd in test/unit/core/analysis/studySurrogate.test.ts, 0.0057 against a mean sd of 0.187 in
// bench/gpSurface.bench.ts, where the grid costs ~160 ms of CPU instead of ~810 ms. sdResolution >= resolution
// gives the exact sd.
import type { ParamValue } from '../strategies/paramSpec';
import { parameterAxis } from './parameterAxis';
import type { StudySurrogate } from './studySurrogate';

const SQRT5 = Math.sqrt(5);
export const DEFAULT_SD_RESOLUTION = 34;

export interface PosteriorSurfaceInput {
  /** The parameter along the horizontal axis (numeric). */
  readonly x: string;
  /** The parameter along the vertical axis (numeric, not x). */
  readonly y: string;
  /** Grid points per axis (>= 2). */
  readonly resolution: number;
  /** Values of the other parameters (x and y, if present, are ignored). */
  readonly fixed: Readonly<Record<string, ParamValue>>;
  /** Points per axis of the grid the sd is computed on exactly (default 34, capped at resolution). */
  readonly sdResolution?: number;
}

export interface PosteriorSurface {
  /** Axis values in parameter units (geometric for log parameters). */
  readonly xValues: Float64Array;
  readonly yValues: Float64Array;
  /** Row-major: mean[j·resolution + i] is at (xValues[i], yValues[j]); objective units. */
  readonly mean: Float64Array;
  /** Posterior sd of the latent objective, same layout (interpolated from the sd grid, see above). */
  readonly sd: Float64Array;
  /** Points per axis on which the sd was computed exactly. */
  readonly sdResolution: number;
}

export function posteriorSurface(s: StudySurrogate, input: PosteriorSurfaceInput): PosteriorSurface {
  const { resolution: res } = input;
  if (input.x === input.y) throw new RangeError(`posterior surface: x and y are both '${input.x}'; pick two different parameters`);
  const ax = parameterAxis(s.space, input.x, res, 'posterior surface x');
  const ay = parameterAxis(s.space, input.y, res, 'posterior surface y');
  const base = fixedPoint(s, input);
  const d = s.dims;
  const dx = ax.dim;
  const dy = ay.dim;

  // Mean on the full grid, through the surrogate's training set and weights (predictMeanFlat's formula, unrolled).
  const mean = gridMean(s, base, ax.units, ay.units, dx, dy);

  // Sd on the coarse grid, then bilinear interpolation.
  const cr = Math.max(2, Math.min(res, Math.floor(input.sdResolution ?? DEFAULT_SD_RESOLUTION)));
  const cu = new Float64Array(cr);
  const cv = new Float64Array(cr);
  for (let k = 0; k < cr; k++) {
    const f = k / (cr - 1);
    cu[k] = ax.units[0] + (ax.units[res - 1] - ax.units[0]) * f;
    cv[k] = ay.units[0] + (ay.units[res - 1] - ay.units[0]) * f;
  }
  const flat = new Float64Array(cr * cr * d);
  for (let j = 0; j < cr; j++) {
    for (let i = 0; i < cr; i++) {
      const o = (j * cr + i) * d;
      flat.set(base, o);
      flat[o + dx] = cu[i];
      flat[o + dy] = cv[j];
    }
  }
  const coarse = s.predictFlat(flat, cr * cr).sd;
  const sd = cr === res ? coarse : bilinear(coarse, cr, res);
  return { xValues: ax.values, yValues: ay.values, mean, sd, sdResolution: cr };
}

/** The cube point of `fixed` (x and y set to anything valid, they are overwritten), validated by the space. */
function fixedPoint(s: StudySurrogate, input: PosteriorSurfaceInput): Float64Array {
  const params: Record<string, ParamValue> = {};
  for (const p of s.space.params) {
    if (p.name === input.x || p.name === input.y) params[p.name] = p.type === 'categorical' ? p.choices[0] : p.low;
    else if (p.name in input.fixed) params[p.name] = input.fixed[p.name];
  }
  for (const name of Object.keys(input.fixed)) {
    if (s.space.indexOf(name) < 0) throw new RangeError(`posterior surface fixed values: unknown parameter '${name}'`);
  }
  try {
    return s.encode(params);
  } catch (e) {
    throw new RangeError(`posterior surface fixed values: ${(e as Error).message}`);
  }
}

function gridMean(
  s: StudySurrogate,
  base: Float64Array,
  ux: Float64Array,
  uy: Float64Array,
  dx: number,
  dy: number,
): Float64Array {
  const res = ux.length;
  const d = s.dims;
  const { X, alpha, n, inverseSquaredLengthscales: w, signalVariance, outputMean, outputScale } = s.weights();
  const acc = new Float64Array(res * res);
  const axTerm = new Float64Array(res);
  const ayTerm = new Float64Array(res);
  for (let t = 0, o = 0; t < n; t++, o += d) {
    let fixedPart = 0;
    for (let c = 0; c < d; c++) {
      if (c === dx || c === dy) continue;
      const q = X[o + c] - base[c];
      fixedPart += q * q * w[c];
    }
    const xc = X[o + dx];
    const yc = X[o + dy];
    for (let i = 0; i < res; i++) {
      const q = xc - ux[i];
      axTerm[i] = q * q * w[dx];
      const r = yc - uy[i];
      ayTerm[i] = r * r * w[dy];
    }
    const a = alpha[t];
    for (let j = 0; j < res; j++) {
      const rowBase = fixedPart + ayTerm[j];
      const row = j * res;
      for (let i = 0; i < res; i++) {
        const r2 = rowBase + axTerm[i];
        const r = Math.sqrt(r2);
        acc[row + i] += a * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
      }
    }
  }
  for (let k = 0; k < acc.length; k++) acc[k] = outputMean + outputScale * signalVariance * acc[k];
  return acc;
}

/** Bilinear interpolation of a cr×cr grid (same corners) onto res×res, row-major. */
function bilinear(coarse: Float64Array, cr: number, res: number): Float64Array {
  const out = new Float64Array(res * res);
  const idx = new Int32Array(res);
  const frac = new Float64Array(res);
  for (let i = 0; i < res; i++) {
    const p = (i * (cr - 1)) / (res - 1);
    const k = Math.min(cr - 2, Math.floor(p));
    idx[i] = k;
    frac[i] = p - k;
  }
  for (let j = 0; j < res; j++) {
    const kj = idx[j];
    const fj = frac[j];
    const r0 = kj * cr;
    const r1 = r0 + cr;
    for (let i = 0; i < res; i++) {
      const ki = idx[i];
      const fi = frac[i];
      const top = coarse[r0 + ki] * (1 - fi) + coarse[r0 + ki + 1] * fi;
      const bottom = coarse[r1 + ki] * (1 - fi) + coarse[r1 + ki + 1] * fi;
      out[j * res + i] = top * (1 - fj) + bottom * fj;
    }
  }
  return out;
}
