// Dense Cholesky factorisation and triangular solves on row-major Float64Arrays, written out by hand because the GP
// factorises small matrices many times per suggestion and ml-matrix's generic Matrix is several times slower.
// The jitter-and-retry rule follows GPyTorch's psd_safe_cholesky: when the factorisation fails, add a small multiple
// of the mean diagonal and try again, ten times larger each time.
// Reference: G. H. Golub & C. F. Van Loan, "Matrix Computations" (4th ed., 2013) §4.2 (Cholesky–Banachiewicz order).
//
// Layout: an n×n matrix A is a Float64Array of length n·n with A[i][j] at index i·n + j. A factor L is lower
// triangular; only its lower triangle (j <= i) is read, the strict upper triangle is ignored.

/**
 * Overwrites the lower triangle of `a` (symmetric, only the lower triangle read) with L such that A = L·Lᵀ.
 * Returns false, leaving `a` partly overwritten, when a pivot is not positive (A not numerically positive definite)
 * or not finite. Rows are computed two at a time so each earlier row of L is loaded once per pair (~1.4× faster).
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      let s0 = a[r0 + j];
      let s1 = a[r1 + j];
      for (let k = 0; k < j; k++) {
        const ljk = a[rj + k];
        s0 -= a[r0 + k] * ljk;
        s1 -= a[r1 + k] * ljk;
      }
      const inv = 1 / a[rj + j];
      a[r0 + j] = s0 * inv;
      a[r1 + j] = s1 * inv;
    }
    let s = a[r0 + i];
    let t = a[r1 + i];
    for (let k = 0; k < i; k++) {
      const l0k = a[r0 + k];
      s -= l0k * l0k;
      t -= a[r1 + k] * l0k;
    }
    if (!(s > 0) || s === Infinity) return false;
    const diagonal = Math.sqrt(s);
    a[r0 + i] = diagonal;
    a[r1 + i] = t / diagonal;
    let u = a[r1 + i + 1];
    for (let k = 0; k <= i; k++) u -= a[r1 + k] * a[r1 + k];
    if (!(u > 0) || u === Infinity) return false;
    a[r1 + i + 1] = Math.sqrt(u);
  }
  if (i < n) {
    // The last row when n is odd.
    const ri = i * n;
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / a[rj + j];
    }
    let s = a[ri + i];
    for (let k = 0; k < i; k++) s -= a[ri + k] * a[ri + k];
    if (!(s > 0) || s === Infinity) return false;
    a[ri + i] = Math.sqrt(s);
  }
  return true;
}

/** Relative jitters tried after a failed factorisation, times the mean diagonal of A. */
const JITTER_STEPS = [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2];

export interface JitteredCholesky {
  /** Lower-triangular factor, n×n row-major: A + jitter·I = L·Lᵀ. */
  readonly factor: Float64Array;
  /** The absolute jitter added to the diagonal (0 when A factorised as it was). */
  readonly jitter: number;
}

/**
 * Cholesky factor of the symmetric matrix `a` (lower triangle read, left unchanged), adding jitter to the diagonal
 * and retrying when the factorisation fails (duplicate inputs, near-singular kernels). Writes into `out` when given.
 * Throws only when even a jitter of 1% of the mean diagonal fails, which means A holds NaN/Infinity or is far from
 * positive semi-definite. `out` may be `a` (then `a` is overwritten by the factor).
 */
export function choleskyWithJitter(a: Float64Array, n: number, out?: Float64Array): JitteredCholesky {
  const factor = out ?? new Float64Array(n * n);
  // `out` may be `a` itself: keep a copy, since a failed attempt overwrites it.
  if (factor === a) a = a.slice(0, n * n);
  factor.set(a.subarray(0, n * n));
  if (choleskyInPlace(factor, n)) return { factor, jitter: 0 };
  let meanDiagonal = 0;
  for (let i = 0; i < n; i++) meanDiagonal += Math.abs(a[i * n + i]);
  meanDiagonal = meanDiagonal > 0 ? meanDiagonal / n : 1;
  for (const step of JITTER_STEPS) {
    const jitter = step * meanDiagonal;
    factor.set(a.subarray(0, n * n));
    for (let i = 0; i < n; i++) factor[i * n + i] += jitter;
    if (choleskyInPlace(factor, n)) return { factor, jitter };
  }
  throw new RangeError('Cholesky factorisation failed even with jitter: the kernel matrix is not positive definite or not finite');
}

/** Solves L·v = b (forward substitution); `v` may alias `b`. */
export function solveLower(l: Float64Array, n: number, b: Float64Array, v: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[ri + k] * v[k];
    v[i] = s / l[ri + i];
  }
  return v;
}

/** Solves Lᵀ·x = b (back substitution, by columns of Lᵀ so L is read row by row); `x` may alias `b`. */
export function solveUpperTransposed(l: Float64Array, n: number, b: Float64Array, x: Float64Array): Float64Array {
  if (x !== b) x.set(b.subarray(0, n));
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = x[i] / l[ri + i];
    x[i] = xi;
    for (let k = 0; k < i; k++) x[k] -= l[ri + k] * xi;
  }
  return x;
}

/** Solves (L·Lᵀ)·x = b; `x` may alias `b`. */
export function solveCholesky(l: Float64Array, n: number, b: Float64Array, x: Float64Array): Float64Array {
  solveLower(l, n, b, x);
  return solveUpperTransposed(l, n, x, x);
}

/**
 * Inverse of A = L·Lᵀ into the lower triangle of `out` (n×n), about n³/3 multiply-adds as row-contiguous dot
 * products, two at a time. `work` (n×n) receives T = L⁻ᵀ (upper triangular: T[j][k] = (L⁻¹)[k][j] for k >= j), by
 * T[i][i] = 1/L[i][i] and T[j][i] = −(Σ_{j<=k<i} L[i][k]·T[j][k]) / L[i][i]; then
 * (A⁻¹)[i][j] = Σ_{k >= i} T[i][k]·T[j][k] for j <= i.
 */
export function inverseFromCholesky(l: Float64Array, n: number, work: Float64Array, out: Float64Array): Float64Array {
  const t = work;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const inv = 1 / l[ri + i];
    t[ri + i] = inv;
    let j = 0;
    for (; j + 1 < i; j += 2) {
      const rj = j * n;
      const rj1 = rj + n;
      let s0 = l[ri + j] * t[rj + j];
      let s1 = 0;
      for (let k = j + 1; k < i; k++) {
        const lik = l[ri + k];
        s0 += lik * t[rj + k];
        s1 += lik * t[rj1 + k];
      }
      t[rj + i] = -s0 * inv;
      t[rj1 + i] = -s1 * inv;
    }
    for (; j < i; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = j; k < i; k++) s += l[ri + k] * t[rj + k];
      t[rj + i] = -s * inv;
    }
  }
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let j = 0;
    for (; j + 1 <= i; j += 2) {
      const rj = j * n;
      const rj1 = rj + n;
      let s0 = 0;
      let s1 = 0;
      for (let k = i; k < n; k++) {
        const tik = t[ri + k];
        s0 += tik * t[rj + k];
        s1 += tik * t[rj1 + k];
      }
      out[ri + j] = s0;
      out[ri + j + 1] = s1;
    }
    for (; j <= i; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = i; k < n; k++) s += t[ri + k] * t[rj + k];
      out[ri + j] = s;
    }
  }
  return out;
}
