// A small random forest of CART regression trees (Breiman 2001, "Random Forests", Machine Learning 45; Breiman,
// Friedman, Olshen & Stone 1984, "Classification and Regression Trees"): each tree grown on a bootstrap sample,
// each split chosen among a random subset of the features by the largest decrease in squared error. Written here
// rather than taken from a library because fANOVA (fanovaImportance.ts) needs each tree's partition of the cube.
// Defaults follow Optuna's FanovaImportanceEvaluator (scikit-learn's RandomForestRegressor with 64 trees, depth
// limit 64, minimum leaf size 1 and every feature tried at each split, so bootstrap is the only randomisation):
// trying a random 7/10 of the features (the automl/fanova default, `featureFraction`) forced splits on irrelevant
// features in small studies and leaked variance into them (test: a categorical-only objective).
import { Rng } from '../random';

/** A fitted tree as flat arrays; node 0 is the root, feature[k] = −1 marks a leaf whose prediction is value[k]. */
export interface RegressionTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

export interface RegressionForestInput {
  readonly points: readonly Float64Array[];
  readonly values: Float64Array;
  readonly dims: number;
  readonly seed: number;
  /** Number of trees (default 64). */
  readonly trees?: number;
  /** Minimum number of bootstrap samples in a leaf (default 1). */
  readonly minLeaf?: number;
  /** Share of the features tried at each split (default 1: all; at least one feature). */
  readonly featureFraction?: number;
  /** Depth limit (default 64). */
  readonly maxDepth?: number;
}

export const DEFAULT_FOREST_TREES = 64;

/** Fits the forest; points go left when x[feature] <= threshold. Throws a RangeError on malformed input. */
export function fitRegressionForest(input: RegressionForestInput): RegressionTree[] {
  const { points, values, dims } = input;
  const n = points.length;
  if (n === 0) throw new RangeError('regression forest: no points');
  if (values.length !== n) throw new RangeError(`regression forest: ${n} points but ${values.length} values`);
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`regression forest: dims must be a positive integer, not ${dims}`);
  // Feature-major copy: column f of all points is contiguous, which the split search reads.
  const columns = Array.from({ length: dims }, () => new Float64Array(n));
  points.forEach((p, i) => {
    if (p.length !== dims) throw new RangeError(`regression forest: point ${i} has ${p.length} coordinates, expected ${dims}`);
    for (let f = 0; f < dims; f++) {
      if (!Number.isFinite(p[f])) throw new RangeError(`regression forest: point ${i}, coordinate ${f} is ${p[f]}`);
      columns[f][i] = p[f];
    }
    if (!Number.isFinite(values[i])) throw new RangeError(`regression forest: value ${i} is ${values[i]}`);
  });
  const trees = Math.max(1, Math.floor(input.trees ?? DEFAULT_FOREST_TREES));
  const minLeaf = Math.max(1, Math.floor(input.minLeaf ?? 1));
  const tried = Math.max(1, Math.min(dims, Math.round((input.featureFraction ?? 1) * dims)));
  const maxDepth = Math.max(0, Math.floor(input.maxDepth ?? 64));
  const rng = new Rng(input.seed);
  const out: RegressionTree[] = [];
  for (let t = 0; t < trees; t++) {
    const sample = new Int32Array(n);
    for (let i = 0; i < n; i++) sample[i] = rng.nextInt(n);
    out.push(growTree(columns, values, sample, { minLeaf, tried, maxDepth }, rng));
  }
  return out;
}

/** The tree's prediction at x. */
export function predictTree(tree: RegressionTree, x: ArrayLike<number>): number {
  let k = 0;
  while (tree.feature[k] >= 0) k = x[tree.feature[k]] <= tree.threshold[k] ? tree.left[k] : tree.right[k];
  return tree.value[k];
}

interface GrowOptions {
  readonly minLeaf: number;
  readonly tried: number;
  readonly maxDepth: number;
}

function growTree(columns: Float64Array[], y: Float64Array, sample: Int32Array, options: GrowOptions, rng: Rng): RegressionTree {
  const dims = columns.length;
  const m = sample.length;
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  // Positions 0..m−1 of the bootstrap sample, sorted once per feature; every node owns the same range [start, end)
  // of each list, kept sorted by stable partitioning at each split (O(m·d) per level instead of a sort per node).
  const sorted = columns.map((col) => {
    const order = Int32Array.from({ length: m }, (_, i) => i);
    return order.sort((a, b) => col[sample[a]] - col[sample[b]] || a - b);
  });
  const ys = Float64Array.from(sample, (i) => y[i]);
  const keys = columns.map((col) => Float64Array.from(sample, (i) => col[i]));
  const goesLeft = new Uint8Array(m);
  const buffer = new Int32Array(m);
  const features = Int32Array.from({ length: dims }, (_, f) => f);

  const newNode = (): number => {
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    value.push(0);
    return feature.length - 1;
  };

  // Depth-first with an explicit stack of [node, start, end, depth].
  const stack: number[][] = [[newNode(), 0, m, 0]];
  while (stack.length > 0) {
    const [node, start, end, depth] = stack.pop()!;
    const count = end - start;
    const any = sorted[0];
    let sum = 0;
    let sumSq = 0;
    for (let i = start; i < end; i++) {
      const v = ys[any[i]];
      sum += v;
      sumSq += v * v;
    }
    value[node] = sum / count;
    const sse = sumSq - (sum * sum) / count;
    if (depth >= options.maxDepth || count < 2 * options.minLeaf || !(sse > 1e-12 * Math.max(1, sumSq))) continue;

    // Partial Fisher–Yates: the first `tried` entries of `features` are this node's random subset; the rest are
    // tried only when none of those can split (all their values equal), as scikit-learn does.
    for (let i = 0; i < dims - 1; i++) {
      const j = i + rng.nextInt(dims - i);
      const t = features[i];
      features[i] = features[j];
      features[j] = t;
    }
    let bestFeature = -1;
    let bestThreshold = 0;
    let bestScore = (sum * sum) / count; // a split must beat the unsplit node's Σ²/n
    for (let fi = 0; fi < dims; fi++) {
      if (fi >= options.tried && bestFeature >= 0) break;
      const f = features[fi];
      const order = sorted[f];
      const key = keys[f];
      let leftSum = 0;
      for (let i = start; i < end - 1; i++) {
        leftSum += ys[order[i]];
        const nl = i + 1 - start;
        const here = key[order[i]];
        const next = key[order[i + 1]];
        if (nl < options.minLeaf || count - nl < options.minLeaf || here === next) continue;
        const rightSum = sum - leftSum;
        // Minimising the children's squared error = maximising Σ_L²/n_L + Σ_R²/n_R.
        const score = (leftSum * leftSum) / nl + (rightSum * rightSum) / (count - nl);
        if (score > bestScore + 1e-12 * Math.abs(bestScore)) {
          bestScore = score;
          bestFeature = f;
          bestThreshold = 0.5 * (here + next);
        }
      }
    }
    if (bestFeature < 0) continue;
    const splitKey = keys[bestFeature];
    let nLeft = 0;
    for (let i = start; i < end; i++) {
      const pos = sorted[bestFeature][i];
      const l = splitKey[pos] <= bestThreshold ? 1 : 0;
      goesLeft[pos] = l;
      nLeft += l;
    }
    for (let f = 0; f < dims; f++) {
      const order = sorted[f];
      let a = start;
      let b = 0;
      for (let i = start; i < end; i++) {
        const pos = order[i];
        if (goesLeft[pos]) order[a++] = pos;
        else buffer[b++] = pos;
      }
      order.set(buffer.subarray(0, b), a);
    }
    const mid = start + nLeft;
    const l = newNode();
    const r = newNode();
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    left[node] = l;
    right[node] = r;
    stack.push([r, mid, end, depth + 1], [l, start, mid, depth + 1]);
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}
