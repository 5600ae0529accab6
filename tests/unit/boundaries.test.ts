import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBoundaryViolations, importsOf } from '../../scripts/check-boundaries.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

describe('dependency boundaries', () => {
  it('the project itself keeps renderer -> shared <- electron', () => {
    const violations = findBoundaryViolations(projectRoot);
    expect(violations.map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([]);
  });

  describe('on a tree that breaks every rule', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('shared/engine.ts', [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import React from 'react';",
      "import { ipcRenderer } from 'electron';",
      "export { thing } from '../renderer/src/thing.ts';",
      "import { z } from 'zod';",
      "// import { nope } from 'node:os'; (a comment, not an import)",
      "const url = 'http://example.org'; import './local.ts';",
    ].join('\n'));
    write('shared/local.ts', 'export const a = 1;');
    write('renderer/src/app.tsx', "import { app } from 'electron';\nimport x from '../../electron/backend/backend.ts';\nconst fs = require('fs');\nconst lazy = import('node:child_process');");
    write('electron/main.ts', "import { App } from '../renderer/src/App.tsx';\nimport { Chart } from 'chart.js';\nimport { readFile } from 'node:fs/promises';");

    it('names each broken rule with its file and line', () => {
      const found = findBoundaryViolations(root).map((v) => `${v.file}:${v.line} ${v.specifier}`).sort();
      expect(found).toEqual([
        'electron/main.ts:1 ../renderer/src/App.tsx',
        'electron/main.ts:2 chart.js',
        'renderer/src/app.tsx:1 electron',
        'renderer/src/app.tsx:2 ../../electron/backend/backend.ts',
        'renderer/src/app.tsx:3 fs',
        'renderer/src/app.tsx:4 node:child_process',
        'shared/engine.ts:1 node:fs',
        'shared/engine.ts:2 path',
        'shared/engine.ts:3 react',
        'shared/engine.ts:4 electron',
        'shared/engine.ts:5 ../renderer/src/thing.ts',
      ]);
    });
  });

  it('reads every import form and ignores comments and strings', () => {
    const source = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "import * as c from 'c';",
      "export * from 'd';",
      "import 'e';",
      "const f = await import('f');",
      "/* import g from 'g'; */",
      "const h = \"import i from 'i'\".length;",
    ].join('\n');
    expect(importsOf(source).map((i) => i.specifier)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
