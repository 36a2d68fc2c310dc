// Proves the layering rule in eslint.config.js still bites: for each layer, an import it must never make is
// flagged, and an import it may make is not. (The per-layer tsconfigs enforce the same through types.)
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/paths';

const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const keep = [x];\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<{ file: string; forbidden: string[]; allowed: string[] }> = [
  {
    file: 'src/core/data/probe.ts',
    forbidden: ["import x from 'node:fs';", "import x from 'electron';", "import x from '../../backend/storage/storage';", "import x from '../../shared';", "import x from 'react';"],
    allowed: ["import x from './bars';", "import x from 'ml-matrix';"],
  },
  {
    file: 'src/shared/probe.ts',
    forbidden: ["import x from 'node:path';", "import x from '../backend';", "import x from 'better-sqlite3';"],
    allowed: ["import x from '../core';", "import x from 'zod';"],
  },
  {
    file: 'src/backend/probe.ts',
    forbidden: ["import x from 'electron';", "import x from '../renderer/src/main';", "import x from '../server';"],
    allowed: ["import x from 'node:fs';", "import x from '../core';", "import x from 'better-sqlite3';"],
  },
  {
    file: 'src/renderer/src/probe.ts',
    forbidden: ["import x from 'electron';", "import x from 'node:fs';", "import x from '../../backend';", "import x from 'better-sqlite3';", "import x from '../../preload';"],
    allowed: ["import x from '../../shared';", "import x from 'react';"],
  },
  {
    file: 'src/preload/probe.ts',
    forbidden: ["import x from 'node:fs';", "import x from '../core';", "import x from '../backend';"],
    allowed: ["import x from 'electron';", "import x from '../shared/bridge';"],
  },
  {
    file: 'src/main/probe.ts',
    forbidden: ["import x from 'react';", "import x from '../renderer/src/app';", "import x from '../core';"],
    allowed: ["import x from 'electron';", "import x from '../backend';"],
  },
  {
    file: 'src/server/probe.ts',
    forbidden: ["import x from 'electron';", "import x from '../renderer/src/x';"],
    allowed: ["import x from '../backend';", "import x from 'ws';"],
  },
  {
    file: 'workers/probe.ts',
    forbidden: ["import x from 'electron';", "import x from '../src/main/index';", "import x from '../src/renderer/src/x';"],
    allowed: ["import x from 'comlink';", "import x from '../src/backend/datasets/datasetWorkerApi';"],
  },
];

describe('layering rule (eslint no-restricted-imports)', () => {
  for (const c of cases) {
    for (const imp of c.forbidden) {
      it(`${c.file}: forbids ${imp}`, async () => {
        expect((await restrictedImports(c.file, imp)).length).toBeGreaterThan(0);
      });
    }
    for (const imp of c.allowed) {
      it(`${c.file}: allows ${imp}`, async () => {
        expect(await restrictedImports(c.file, imp)).toEqual([]);
      });
    }
  }
});
