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
 * or not finite.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
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
 * positive semi-definite.
 */
export function choleskyWithJitter(a: Float64Array, n: number, out?: Float64Array): JitteredCholesky {
  const factor = out ?? new Float64Array(n * n);
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
 * Inverse of A = L·Lᵀ into the lower triangle of `out` (n×n): first M = L⁻¹ (lower, in `work`), then
 * A⁻¹ = Mᵀ·M, i.e. (A⁻¹)[i][j] = Σ_{k >= max(i,j)} M[k][i]·M[k][j]. About n³/3 multiply-adds, row-contiguous.
 */
export function inverseFromCholesky(l: Float64Array, n: number, work: Float64Array, out: Float64Array): Float64Array {
  // M = L⁻¹ row by row: M[i][i] = 1/L[i][i]; M[i][j] = −(Σ_{j<=k<i} L[i][k]·M[k][j]) / L[i][i].
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) work[ri + j] = 0;
    for (let k = 0; k < i; k++) {
      const lik = l[ri + k];
      if (lik === 0) continue;
      const rk = k * n;
      for (let j = 0; j <= k; j++) work[ri + j] += lik * work[rk + j];
    }
    const inv = 1 / l[ri + i];
    for (let j = 0; j < i; j++) work[ri + j] *= -inv;
    work[ri + i] = inv;
  }
  out.fill(0, 0, n * n);
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    for (let i = 0; i <= k; i++) {
      const mki = work[rk + i];
      if (mki === 0) continue;
      const ri = i * n;
      for (let j = 0; j <= i; j++) out[ri + j] += mki * work[rk + j];
    }
  }
  return out;
}
