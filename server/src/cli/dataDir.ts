import { isAbsolute, resolve } from 'node:path';
import { REPO_ROOT } from '../config';

/** DATA_DIR as the server reads it: relative paths resolve against the repository root. */
export function resolveDataDir(value: string | undefined): string {
  const dir = value?.trim() || 'data';
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
}

/** A path given on the command line: relative to where the command was started (pnpm runs it from the root). */
export const resolveArgPath = (path: string, cwd: string = process.env.INIT_CWD ?? process.cwd()) => (isAbsolute(path) ? path : resolve(cwd, path));

/** pnpm passes a lone "--" through when called as `pnpm backup -- …`. */
export const cliArgs = (argv: string[] = process.argv.slice(2)) => argv.filter((arg, i) => !(i === 0 && arg === '--'));
