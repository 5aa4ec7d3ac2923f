/**
 * No TypeScript file over 400 lines (tests: 600), so that a module stays one thing a reader can
 * hold. Run by scripts/test.sh: `npx pnpm@12.4.2 check:sizes`. Files that start with an
 * `@generated` comment are not counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOURCE_LIMIT = 400;
export const TEST_LIMIT = 600;

/**
 * Temporary, issue 14: empty this list. Files over the limit today that are being split; any
 * other file over it fails. An entry that is no longer over the limit (or no longer exists) fails
 * too: remove it.
 */
export const temporaryAllowlist: readonly string[] = ['server/src/sync/room/room.ts'];

const skippedFolders = new Set(['node_modules', 'dist', '.git', 'coverage', 'test-results', 'playwright-report', 'data']);

export interface Oversized {
  path: string;
  lines: number;
  limit: number;
}

export const isTestFile = (path: string) => /\.(test|spec)\.tsx?$/.test(path);
export const limitOf = (path: string) => (isTestFile(path) ? TEST_LIMIT : SOURCE_LIMIT);

/** Repository-relative paths (with `/`) of every .ts/.tsx file under `root`. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) walk(join(dir, entry.name));
      } else if (/\.tsx?$/.test(entry.name)) {
        found.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** What breaks the rule under `root`: files over their limit, and allowlist entries that no longer need to be there. */
export function checkFileSizes(root: string, allowlist: readonly string[] = temporaryAllowlist): { oversized: Oversized[]; staleAllowlist: string[] } {
  const oversized: Oversized[] = [];
  const overAllowed = new Set<string>();
  for (const path of sourceFiles(root)) {
    const text = readFileSync(join(root, path), 'utf8');
    if (/^\s*(\/\/|\/\*).*@generated/m.test(text.split('\n', 5).join('\n'))) continue;
    const lines = lineCount(text);
    const limit = limitOf(path);
    if (lines <= limit) continue;
    if (allowlist.includes(path)) overAllowed.add(path);
    else oversized.push({ path, lines, limit });
  }
  const staleAllowlist = allowlist.filter((path) => !overAllowed.has(path) || !existsSync(join(root, path)));
  return { oversized, staleAllowlist };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(import.meta.dirname, '..', '..');
  const { oversized, staleAllowlist } = checkFileSizes(root);
  for (const { path, lines, limit } of oversized) {
    console.error(`${path}: ${lines} lines, over the limit of ${limit}: split it into modules named after what they are`);
  }
  for (const path of staleAllowlist) {
    console.error(`${path} is in the temporary allowlist of scripts/checks/fileSizes.ts but is not over the limit: remove it from the list`);
  }
  if (oversized.length > 0 || staleAllowlist.length > 0) process.exit(1);
  console.log(`file sizes: every .ts/.tsx file within ${SOURCE_LIMIT} lines (tests ${TEST_LIMIT}); allowed for now: ${temporaryAllowlist.join(', ') || 'none'}`);
}
