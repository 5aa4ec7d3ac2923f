/**
 * The structure checks fail on what they exist to catch: each import boundary (through the real
 * eslint.config.js, on text planted at a path), an import cycle, an oversized file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkFileSizes } from './fileSizes';
import { findImportCycles } from './importCycles';

const root = join(import.meta.dirname, '..', '..');

describe('import boundaries (eslint.config.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  /** The boundary rules (and parse errors) that fire on `code` if it were the file at `path`. */
  async function findings(path: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(root, path) });
    return (result?.messages ?? [])
      .map((m) => m.ruleId ?? `fatal: ${m.message}`)
      .filter((rule) => rule.startsWith('boundaries/') || rule.startsWith('fatal'));
  }

  it.each([
    ['shared/src/view/planted.ts', "import { readFileSync } from 'node:fs';", 'boundaries/shared-stands-alone'],
    ['shared/src/view/planted.ts', "import { join } from 'path';", 'boundaries/shared-stands-alone'],
    ['shared/src/view/planted.ts', "import { useState } from 'react';", 'boundaries/shared-stands-alone'],
    ['shared/src/view/planted.ts', "import { x } from '../../../server/src/config';", 'boundaries/shared-stands-alone'],
    ['shared/src/view/planted.ts', "import { x } from '@suishin/client';", 'boundaries/shared-stands-alone'],
    ['server/src/http/planted.ts', "import { renderToString } from 'react-dom/server';", 'boundaries/server-without-react-or-client'],
    ['server/src/http/planted.ts', "import { x } from '../../../client/src/i18n/format';", 'boundaries/server-without-react-or-client'],
    ['client/src/meeting/planted.ts', "import { x } from '../../../server/src/config';", 'boundaries/client-without-server'],
    ['client/src/features/agenda/planted.ts', "import * as Y from 'yjs';", 'boundaries/yjs-only-in-meeting-and-editor'],
    ['client/src/app/planted.ts', "import type { WebsocketProvider } from 'y-websocket';", 'boundaries/yjs-only-in-meeting-and-editor'],
    ['server/src/http/planted.ts', "import Database from 'better-sqlite3';", 'boundaries/sqlite-only-in-sqlite-folders'],
    ['server/src/series/planted.ts', "import type Database from 'better-sqlite3';", 'boundaries/sqlite-only-in-sqlite-folders'],
    ['server/src/persistence/planted.ts', "import { it } from 'vitest';", 'boundaries/no-test-code-in-shipped-source'],
    ['server/src/http/planted.ts', "import { startTestServer } from '../testing/testServer';", 'boundaries/no-test-code-in-shipped-source'],
    ['client/src/meeting/planted.ts', "import { syncDocs } from '@suishin/shared/testing';", 'boundaries/no-test-code-in-shipped-source'],
    ['shared/src/export/planted.ts', "import { sampleMeeting } from './fixtures/sampleMeeting';", 'boundaries/no-test-code-in-shipped-source'],
    ['e2e/tests/planted.spec.ts', "import { x } from '../../server/src/config';", 'boundaries/e2e-through-the-app'],
  ])('%s: %s is refused', async (path, code, rule) => {
    expect(await findings(path, code)).toContain(rule);
  });

  it.each([
    ['client/src/meeting/planted.ts', "import * as Y from 'yjs';"],
    ['client/src/editor/planted.ts', "import type { XmlFragment } from 'yjs';"],
    ['server/src/persistence/sqlite/planted.ts', "import Database from 'better-sqlite3';"],
    ['server/src/projections/sqlite/planted.ts', "import Database from 'better-sqlite3';"],
    ['server/src/http/planted.test.ts', "import { it } from 'vitest';\nimport { startTestServer } from '../testing/testServer';"],
    ['server/src/testing/planted.ts', "import { onTestFinished } from 'vitest';"],
    ['server/bench/planted.ts', "import { startChildServer } from '../src/testing/childServer';"],
    ['e2e/tests/planted.spec.ts', "import { test } from '@playwright/test';\nimport { RootKey } from '@suishin/shared';"],
    ['shared/src/model/planted.ts', "import * as Y from 'yjs';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await findings(path, code)).toEqual([]);
  });
});

describe('checks on a planted tree', () => {
  let dir: string;
  const plant = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const lines = (n: number) => 'export const x = 1;\n'.repeat(n);
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an import cycle, a runtime one only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'suishin-checks-'));
    plant('server/src/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    plant('server/src/b.ts', "import { c } from './c';\nexport const b = c;\n");
    plant('server/src/c.ts', "import { a } from './a';\nexport const c = a;\n");
    plant('client/src/d.ts', "import type { E } from './e';\nexport type D = E[];\n");
    plant('client/src/e.ts', "import type { D } from './d';\nexport type E = { d: D };\n");
    const cycles = await findImportCycles(dir);
    expect(cycles.map((cycle) => [...cycle].sort())).toEqual([['server/src/a.ts', 'server/src/b.ts', 'server/src/c.ts']]);
  });

  it('finds a file over 400 lines and a test over 600; an allowed file only while it is over', () => {
    dir = mkdtempSync(join(tmpdir(), 'suishin-checks-'));
    plant('server/src/fits.ts', lines(400));
    plant('server/src/tooLong.ts', lines(401));
    plant('client/src/long.test.tsx', lines(600));
    plant('client/src/tooLong.test.tsx', lines(601));
    plant('shared/src/generated.ts', `// @generated by a tool\n${lines(900)}`);
    plant('server/src/allowed.ts', lines(450));
    plant('server/node_modules/dep/index.ts', lines(900));
    expect(checkFileSizes(dir, ['server/src/allowed.ts', 'server/src/fits.ts', 'server/src/gone.ts'])).toEqual({
      oversized: [
        { path: 'client/src/tooLong.test.tsx', lines: 601, limit: 600 },
        { path: 'server/src/tooLong.ts', lines: 401, limit: 400 },
      ],
      staleAllowlist: ['server/src/fits.ts', 'server/src/gone.ts'],
    });
  });
});
