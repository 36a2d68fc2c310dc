// First-order fANOVA importances on a random-forest surrogate: F. Hutter, H. Hoos & K. Leyton-Brown, "An Efficient
// Approach for Assessing Hyperparameter Importance", ICML 2014. Each tree of the forest (regressionForest.ts) is a
// piecewise-constant function on a partition of the unit cube into boxes (its leaves), so under the uniform measure
// its variance and the variance of each one-dimensional marginal are exact finite sums (the paper's efficient
// computation for tree-based models, restricted to single dimensions):
//   μ = Σ_l vol_l·v_l,  V = Σ_l vol_l·(v_l − μ)²;
//   along dimension j, the tree's split points on j cut [0, 1] into intervals I; the marginal is constant on each,
//   m_I = Σ_{l covering I} v_l·vol_l / width_j(l), and V_j = Σ_I |I|·(m_I − μ)².
// The importance of j is V_j / V per tree, averaged over the trees with V > 0 (as the paper reports means over
// trees). These are shares of variance explained by one dimension alone; they need not sum to 1 (the rest is
// interactions).
import { fitRegressionForest, type RegressionTree } from './regressionForest';

export interface FanovaInput {
  /** Points in the unit cube [0, 1]^dims. */
  readonly points: readonly Float64Array[];
  readonly values: Float64Array;
  readonly dims: number;
  readonly seed: number;
  /** Trees in the forest (default 64). */
  readonly trees?: number;
  /** Minimum bootstrap samples per leaf (default 1). */
  readonly minLeaf?: number;
}

/** First-order importance of each dimension (length dims, each in [0, 1]); zeros when the values are constant. */
export function fanovaImportance(input: FanovaInput): Float64Array {
  input.points.forEach((p, i) => {
    for (let c = 0; c < p.length; c++) {
      if (!(p[c] >= 0 && p[c] <= 1)) throw new RangeError(`fanovaImportance: point ${i}, coordinate ${c} is ${p[c]}, outside the unit cube`);
    }
  });
  const forest = fitRegressionForest(input);
  const total = new Float64Array(input.dims);
  let used = 0;
  for (const tree of forest) {
    const shares = treeShares(tree, input.dims);
    if (!shares) continue;
    for (let j = 0; j < input.dims; j++) total[j] += shares[j];
    used++;
  }
  if (used > 0) for (let j = 0; j < input.dims; j++) total[j] /= used;
  return total;
}

/** V_j / V for one tree, or null when the tree is constant. */
export function treeShares(tree: RegressionTree, dims: number): Float64Array | null {
  const leaves = treeLeaves(tree, dims);
  let mu = 0;
  for (const leaf of leaves) mu += leaf.volume * leaf.value;
  let variance = 0;
  for (const leaf of leaves) variance += leaf.volume * (leaf.value - mu) * (leaf.value - mu);
  if (!(variance > 1e-300)) return null;
  const shares = new Float64Array(dims);
  for (let j = 0; j < dims; j++) {
    const cuts: number[] = [];
    for (let k = 0; k < tree.feature.length; k++) if (tree.feature[k] === j) cuts.push(tree.threshold[k]);
    if (cuts.length === 0) continue; // the tree is constant along j: no first-order effect
    const edges = Float64Array.from([0, ...new Set(cuts), 1]).sort();
    const intervals = edges.length - 1;
    const diff = new Float64Array(intervals + 1);
    for (const leaf of leaves) {
      const lo = leaf.lo[j];
      const hi = leaf.hi[j];
      const s = indexOf(edges, lo);
      const e = indexOf(edges, hi); // the leaf covers intervals s .. e − 1
      const w = (leaf.volume / (hi - lo)) * leaf.value;
      diff[s] += w;
      diff[e] -= w;
    }
    let m = 0;
    let vj = 0;
    for (let i = 0; i < intervals; i++) {
      m += diff[i];
      vj += (edges[i + 1] - edges[i]) * (m - mu) * (m - mu);
    }
    shares[j] = Math.min(1, vj / variance);
  }
  return shares;
}

interface Leaf {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly volume: number;
  readonly value: number;
}

function treeLeaves(tree: RegressionTree, dims: number): Leaf[] {
  const leaves: Leaf[] = [];
  const stack: { node: number; lo: Float64Array; hi: Float64Array }[] = [{ node: 0, lo: new Float64Array(dims), hi: new Float64Array(dims).fill(1) }];
  while (stack.length > 0) {
    const { node, lo, hi } = stack.pop()!;
    const f = tree.feature[node];
    if (f < 0) {
      let volume = 1;
      for (let c = 0; c < dims; c++) volume *= hi[c] - lo[c];
      leaves.push({ lo, hi, volume, value: tree.value[node] });
      continue;
    }
    const t = tree.threshold[node];
    const leftHi = hi.slice();
    leftHi[f] = t;
    const rightLo = lo.slice();
    rightLo[f] = t;
    stack.push({ node: tree.left[node], lo, hi: leftHi }, { node: tree.right[node], lo: rightLo, hi });
  }
  return leaves;
}

/** Index of `x` in the sorted `edges` (exact: leaf bounds are the tree's own thresholds, 0 or 1). */
function indexOf(edges: Float64Array, x: number): number {
  let a = 0;
  let b = edges.length - 1;
  while (a < b) {
    const m = (a + b) >> 1;
    if (edges[m] < x) a = m + 1;
    else b = m;
  }
  return a;
}
