// What a new user strategies folder starts with: a README explaining the format, and one working example
// strategy. Kept as text here because they are written into the user's data folder, not shipped as files.

export const FOLDER_README = `# Holdout user strategies

Every \`.ts\`, \`.mts\`, \`.js\` or \`.mjs\` file directly in this folder is one strategy. Holdout compiles it
when it lists strategies (and again whenever the file or a file it imports changes), runs it only inside a
worker thread, and records a SHA-256 hash of the compiled code in every result, so you can always tell which
code produced a result.

Files whose name starts with \`_\` or \`.\`, \`.d.ts\` files and everything in subfolders are not strategies:
put shared helpers there and import them with a relative path (\`import { zScore } from './lib/zscore'\`).

## Format

\`\`\`ts
import { defineStrategy, cachedSma } from 'holdout';

type Params = { fast: number; slow: number };

export default defineStrategy<Params>({
  name: 'my-crossover',          // kebab-case, unique, not the name of a built-in strategy
  label: 'My crossover',
  version: '1.0.0',              // semver; bump it when the same inputs would give different targets
  description: 'Long when the fast SMA is above the slow one, flat otherwise.',
  params: [
    { name: 'fast', label: 'Fast period', type: 'int', low: 2, high: 50, default: 10 },
    { name: 'slow', label: 'Slow period', type: 'int', low: 10, high: 250, default: 50 },
  ],
  constraints: [{ kind: 'linear', terms: [{ param: 'fast', coef: 1 }, { param: 'slow', coef: -1 }], op: '<', rhs: 0, text: 'fast < slow' }],
  targets(data, p, ctx) {
    const fast = cachedSma(data, ctx, p.fast);
    const slow = cachedSma(data, ctx, p.slow);
    const out = new Float64Array(data.length);
    for (let t = 0; t < data.length; t++) out[t] = fast[t] > slow[t] ? 1 : 0;
    return out;
  },
});
\`\`\`

- The file must \`export default\` the strategy (or \`export const strategy = ...\`).
- \`targets(data, params, context)\` returns a \`Float64Array\` with one target exposure per bar: +1 long 100% of
  equity, -1 short, 0 flat, NaN keep the current position. targets[t] may only read bars 0..t.
- \`import ... from 'holdout'\` gives you Holdout's public API: indicators (\`sma\`, \`ema\`, \`rsi\`, ...), the
  cached versions strategies should use (\`cachedSma(data, ctx, n)\`, ...), \`defineStrategy\`, \`paramOrder\`
  and the rest. Other packages cannot be imported; relative imports of your own files can.
- The code runs in a worker thread with a time limit; it is your own code, not a sandbox.

## Errors

A file that does not compile, does not export a valid strategy, or takes too long to load is listed under
*strategy problems* (\`strategies.problems\`) with its file, line and column, e.g.
\`broken.ts:12:7: Expected ";" but found "x"\`. An error thrown while the strategy runs is reported with the
line of your source that threw it, e.g. \`my-crossover.ts:21: fast[t] is undefined\`. A strategy that runs longer
than the time limit is stopped and the error names it. None of this stops the app.

\`example-momentum.ts\` is a working example; copy it to start your own.
`;

export const EXAMPLE_FILE = 'example-momentum.ts';

export const EXAMPLE_STRATEGY = `// An example user strategy: trend-filtered momentum. Copy this file to start your own (give it a new name).
import { cachedRoc, cachedSma, defineStrategy } from 'holdout';

type Params = { lookback: number; trend: number; mode: string };

export default defineStrategy<Params>({
  name: 'example-momentum',
  label: 'Example: trend-filtered momentum',
  version: '1.0.0',
  description:
    'Long when the return over the lookback is positive and the close is above its trend SMA; short (or flat) when both point down.',
  params: [
    { name: 'lookback', label: 'Momentum lookback', type: 'int', low: 5, high: 250, default: 60, description: 'Bars over which the past return is measured.' },
    { name: 'trend', label: 'Trend SMA period', type: 'int', low: 10, high: 400, default: 100, description: 'The close must be on the same side of this SMA.' },
    { name: 'mode', label: 'Mode', type: 'categorical', choices: ['long-flat', 'long-short'], default: 'long-flat' },
  ],
  targets(data, p, ctx) {
    // Indicators come through the context's cache, so a study computes each (indicator, period) once.
    const ret = cachedRoc(data, ctx, p.lookback);
    const sma = cachedSma(data, ctx, p.trend);
    const close = data.close;
    const out = new Float64Array(data.length);
    for (let t = 0; t < data.length; t++) {
      // NaN during the warm-up compares false, leaving 0 (flat).
      if (ret[t] > 0 && close[t] > sma[t]) out[t] = 1;
      else if (p.mode === 'long-short' && ret[t] < 0 && close[t] < sma[t]) out[t] = -1;
    }
    return out;
  },
});
`;
