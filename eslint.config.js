// Lint: typescript-eslint's recommended rules plus the layering rule, which says what each folder may import.
// The per-layer tsconfigs enforce the same boundaries through types; this catches the imports themselves.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = { regex: '^node:', message: 'Node built-ins are not allowed in this layer.' };
const layer = (name) => ({ regex: `(^|/)(src/)?${name}(/|$)` });
const forbid = (message, ...patterns) => patterns.map((p) => ({ ...p, message }));

/** What each layer must never import (see README, "Architecture"). */
const RULES = {
  'src/core/**': [
    NODE_BUILTINS,
    ...forbid('Domain code is pure: no Electron, React, plotly, SQLite or transport.', { regex: '^(electron|react|react-dom|plotly\\.js.*|better-sqlite3|ws|sirv|comlink|commander)$' }),
    ...forbid('src/core imports nothing outside src/core.', layer('shared'), layer('backend'), layer('main'), layer('preload'), layer('renderer'), layer('server'), layer('cli'), layer('workers')),
  ],
  'src/shared/**': [
    NODE_BUILTINS,
    ...forbid('The contract has no side effects: no Electron, React or SQLite.', { regex: '^(electron|react|react-dom|better-sqlite3|ws)$' }),
    ...forbid('src/shared may import only src/core (types).', layer('backend'), layer('main'), layer('preload'), layer('renderer'), layer('server'), layer('cli'), layer('workers')),
  ],
  'src/backend/**': [
    ...forbid('The back end runs without Electron or React.', { regex: '^(electron|react|react-dom|plotly\\.js.*)$' }),
    ...forbid('The back end never imports a process shell or the UI.', layer('main'), layer('preload'), layer('renderer'), layer('server'), layer('cli')),
  ],
  'src/server/**': [
    ...forbid('Browser mode runs without Electron or React.', { regex: '^(electron|react|react-dom)$' }),
    ...forbid('The server is thin over the back end.', layer('main'), layer('preload'), layer('renderer'), layer('cli'), { regex: '(^|/)core/(?!index)' }),
  ],
  'src/cli/**': [
    ...forbid('The CLI runs without Electron or React.', { regex: '^(electron|react|react-dom)$' }),
    ...forbid('The CLI is thin over the back end.', layer('main'), layer('preload'), layer('renderer')),
  ],
  'src/main/**': [
    ...forbid('The Electron main process is thin: no UI, no domain internals.', { regex: '^(react|react-dom)$' }, layer('renderer'), layer('preload'), layer('server'), layer('cli'), layer('core')),
  ],
  'src/preload/**': [
    NODE_BUILTINS,
    ...forbid('The preload exposes the contract only.', layer('core'), layer('backend'), layer('main'), layer('renderer'), layer('server'), layer('cli')),
  ],
  'src/renderer/**': [
    NODE_BUILTINS,
    ...forbid('The renderer talks to the back end only through the contract.', { regex: '^(electron|better-sqlite3|ws|sirv|commander)$' }, layer('backend'), layer('main'), layer('preload'), layer('server'), layer('cli'), layer('workers')),
  ],
  'workers/**': [
    ...forbid('Workers never load Electron or UI code.', { regex: '^(electron|react|react-dom)$' }, layer('main'), layer('preload'), layer('renderer'), layer('server'), layer('cli')),
  ],
};

export default tseslint.config(
  { ignores: ['.tmp/**', 'out/**', 'dist/**', 'node_modules/**', 'test/e2e/screenshots/**', 'bin/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
  ...Object.entries(RULES).map(([files, patterns]) => ({
    files: [`${files}/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
