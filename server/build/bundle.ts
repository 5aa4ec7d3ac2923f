/**
 * Production build of the server: `node --import tsx build/bundle.ts` writes server/dist, which
 * `npm start` runs with plain `node dist/main.js`. Why: running from TypeScript through tsx keeps
 * its compiler and every transpiled source in memory (about 70 MB of the idle server's RSS) and
 * compiles on first use; development and tests keep tsx.
 *
 * esbuild bundles our own code, @suishin/shared included (it ships TypeScript sources), and leaves
 * the server's dependencies external, so they load from node_modules as usual: one copy of yjs,
 * better-sqlite3's native binding where it was built. The SQLite writer and the scheduled backup run
 * in worker threads, so each is an entry point of its own (sqliteStore.ts and backupInWorker.ts pick
 * dist/sqliteWriter.js and dist/backupWorker.js when compiled).
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(SERVER_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@suishin/'));

rmSync(join(SERVER_DIR, 'dist'), { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: SERVER_DIR,
  entryPoints: { main: 'src/main.ts', sqliteWriter: 'src/persistence/sqlite/sqliteWriter.ts', backupWorker: 'src/persistence/sqlite/backupWorker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true, // main and the writer share modules: one copy of each, in a chunk
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // A bundle of ESM code that calls require() (a dependency's CommonJS interop) needs one.
  banner: { js: "import { createRequire as __suishinCreateRequire } from 'node:module'; const require = __suishinCreateRequire(import.meta.url);" },
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});
console.log(`server built to ${join(SERVER_DIR, 'dist')} in ${Math.round(performance.now() - started)} ms`);
