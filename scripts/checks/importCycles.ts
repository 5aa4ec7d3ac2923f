/**
 * No import cycles, in any package or across them. Run by scripts/test.sh:
 * `npx pnpm@12.4.2 check:cycles`. Type-only imports are left out (they vanish when the code runs,
 * so they cannot order module start-up); dynamic `import()` counts like a static import.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

/** Every package's TypeScript, relative to the repository root. */
export const workspaceSources = [
  'shared/src/**/*.ts',
  'server/src/**/*.ts',
  'server/bench/**/*.ts',
  'client/src/**/*.{ts,tsx}',
  'client/build/**/*.ts',
  'client/*.ts',
  'e2e/{tests,fixtures,bench}/**/*.ts',
  'e2e/*.ts',
  'scripts/**/*.ts',
];

/** The cycles among the files `globs` match under `root`, each as the list of files around it. */
export async function findImportCycles(root: string, globs: readonly string[] = workspaceSources): Promise<string[][]> {
  const tree = await parseDependencyTree([...globs], {
    cwd: root,
    context: root,
    transform: true,
    skipDynamicImports: false,
    exclude: /\/node_modules\//,
  });
  return parseCircular(tree);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cycles = await findImportCycles(join(import.meta.dirname, '..', '..'));
  for (const cycle of cycles) console.error(`import cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
  if (cycles.length > 0) {
    console.error(`${cycles.length} import cycle(s): move what both sides need into a module of its own`);
    process.exit(1);
  }
  console.log('import cycles: none');
}
