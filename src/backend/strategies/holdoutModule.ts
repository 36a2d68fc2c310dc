// The 'holdout' import of user strategies. Worker side: the worker already bundles the core, so user code does
// not get a second copy; the bare import 'holdout' resolves (esbuild plugin) to a virtual module that reads each
// export of src/core/index.ts from a global the worker sets. Each export is a pure call, so esbuild keeps only the
// names a strategy imports, and the compiled code (hence its hash) does not change when the core gains exports.
import type { Plugin } from 'esbuild';
import * as core from '../../core';

const GLOBAL_NAME = '__holdoutCore';
const NAMESPACE = 'holdout';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Makes the core's public API reachable to compiled user strategies in this thread. Idempotent. */
export function installHoldoutCore(): void {
  if (Object.hasOwn(globalThis, GLOBAL_NAME)) return;
  Object.defineProperty(globalThis, GLOBAL_NAME, { value: core, writable: false, enumerable: false, configurable: false });
}

/** The virtual module's source: one `export const name = get("name")` per core export. */
export function holdoutModuleSource(names: readonly string[] = Object.keys(core)): string {
  const lines = [`function get(name) {\n  return globalThis.${GLOBAL_NAME}[name];\n}`];
  for (const name of [...names].sort()) {
    if (IDENTIFIER.test(name) && name !== 'default') lines.push(`export const ${name} = /* @__PURE__ */ get(${JSON.stringify(name)});`);
  }
  return `${lines.join('\n')}\n`;
}

/** Resolves the bare import 'holdout' to the virtual module; any other bare import stays unresolved (an error). */
export function holdoutPlugin(): Plugin {
  const contents = holdoutModuleSource();
  return {
    name: 'holdout',
    setup(build) {
      build.onResolve({ filter: /^holdout$/ }, () => ({ path: 'holdout', namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents, loader: 'js' }));
    },
  };
}
