/** Runs a command-line script of server/src/cli as the operator would (`npm run backup -- …`): its own process. */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliRun {
  code: number | string;
  stdout: string;
  stderr: string;
}

export function runCli(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', `server/src/cli/${script}.ts`, '--', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SUISHIN_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', stdout, stderr })));
}
