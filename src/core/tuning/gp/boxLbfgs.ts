// A small projected limited-memory BFGS minimiser for smooth functions on a box, used both for the hyperparameter
// search (in log space) and for the local refinement of the acquisition function (in the unit cube).
// Method: the L-BFGS two-loop recursion (J. Nocedal & S. J. Wright, "Numerical Optimization", 2nd ed., 2006,
// Algorithm 7.4) applied to the gradient restricted to the free variables (those not held at a bound by a gradient
// pointing outwards), a projected Armijo backtracking line search (D. P. Bertsekas, "Nonlinear Programming", 1999,
// §2.3), and a reset to steepest descent when the quasi-Newton direction fails. Simpler than L-BFGS-B's
// generalised Cauchy point, which is enough for the few, well-scaled variables here. Deterministic.

export interface BoxLbfgsOptions {
  /** Maximum number of iterations (line searches). */
  readonly maxIterations: number;
  /** Stored correction pairs; default 8. */
  readonly memory?: number;
  /** Stop when the largest projected-gradient component is below this; default 1e-6. */
  readonly gradientTolerance?: number;
  /** Stop when an iteration lowers f by less than this times max(1, |f|); default 1e-9. */
  readonly relativeTolerance?: number;
  /** Largest change of any coordinate in one step, and the length of the first (steepest-descent) step. */
  readonly maxStep: number;
}

export interface BoxLbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
}

/**
 * Minimises f over [lower, upper] from x0 (clipped into the box). `f(x, grad)` returns f(x) and writes ∇f(x) into
 * `grad`; a non-finite value counts as a failed trial point (the line search backs off). Returns the best point seen.
 */
export function minimizeBox(
  f: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  options: BoxLbfgsOptions,
): BoxLbfgsResult {
  const n = x0.length;
  const memory = options.memory ?? 8;
  const gtol = options.gradientTolerance ?? 1e-6;
  const ftol = options.relativeTolerance ?? 1e-9;
  const maxStep = options.maxStep;

  let x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
  let g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(fx)) return { x, value: fx, iterations: 0, evaluations };

  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alphaBuf = new Float64Array(memory);
  const pg = new Float64Array(n);
  const dir = new Float64Array(n);
  let xn = new Float64Array(n);
  let gn = new Float64Array(n);
  let iterations = 0;

  while (iterations < options.maxIterations) {
    // Projected gradient: zero where a bound holds the variable and the gradient pushes outwards.
    let pgMax = 0;
    for (let i = 0; i < n; i++) {
      const held = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
      pg[i] = held ? 0 : g[i];
      pgMax = Math.max(pgMax, Math.abs(pg[i]));
    }
    if (!(pgMax > gtol)) break;
    iterations++;

    // Two-loop recursion on the projected gradient.
    dir.set(pg);
    const m = S.length;
    for (let k = m - 1; k >= 0; k--) {
      const a = rho[k] * dot(S[k], dir);
      alphaBuf[k] = a;
      axpy(-a, Y[k], dir);
    }
    if (m > 0) {
      const gamma = dot(S[m - 1], Y[m - 1]) / dot(Y[m - 1], Y[m - 1]);
      for (let i = 0; i < n; i++) dir[i] *= gamma;
    } else {
      const scale = Math.min(1, maxStep / pgMax);
      for (let i = 0; i < n; i++) dir[i] *= scale;
    }
    for (let k = 0; k < m; k++) {
      const b = rho[k] * dot(Y[k], dir);
      axpy(alphaBuf[k] - b, S[k], dir);
    }
    for (let i = 0; i < n; i++) dir[i] = pg[i] === 0 ? 0 : -dir[i];
    if (!(dot(dir, pg) < 0)) {
      // Not a descent direction: forget the curvature pairs and take a scaled steepest-descent step.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      const scale = Math.min(1, maxStep / pgMax);
      for (let i = 0; i < n; i++) dir[i] = -pg[i] * scale;
    }
    let dirMax = 0;
    for (let i = 0; i < n; i++) dirMax = Math.max(dirMax, Math.abs(dir[i]));
    if (dirMax > maxStep) {
      const scale = maxStep / dirMax;
      for (let i = 0; i < n; i++) dir[i] *= scale;
    }

    // Projected Armijo backtracking.
    let t = 1;
    let accepted = false;
    let fn = Infinity;
    for (let ls = 0; ls < 30; ls++) {
      let decrease = 0;
      let moved = false;
      for (let i = 0; i < n; i++) {
        const v = Math.min(upper[i], Math.max(lower[i], x[i] + t * dir[i]));
        xn[i] = v;
        if (v !== x[i]) moved = true;
        decrease += g[i] * (v - x[i]);
      }
      if (!moved) break;
      fn = f(xn, gn);
      evaluations++;
      if (Number.isFinite(fn) && fn <= fx + 1e-4 * decrease) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      if (S.length === 0) break;
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      continue;
    }

    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i] - x[i];
      yv[i] = gn[i] - g[i];
    }
    const sy = dot(s, yv);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(yv, yv))) {
      if (S.length === memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    const improvement = fx - fn;
    [x, xn] = [xn, x];
    [g, gn] = [gn, g];
    fx = fn;
    if (improvement <= ftol * Math.max(1, Math.abs(fx))) break;
  }
  return { x, value: fx, iterations, evaluations };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}
