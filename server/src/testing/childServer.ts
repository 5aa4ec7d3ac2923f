/** Runs the real server entry point (src/main.ts, or the build's dist/main.js) as a child process, as production does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildServer {
  child: ChildProcess;
  port: number;
  httpUrl: string;
  syncUrl: string;
  /** SUISHIN_ADMIN_TOKEN of the process (random unless given in env). */
  adminToken: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  stderr(): string;
}

/** Runs as another user (tests running as root, to whom file permissions mean nothing). */
export interface ChildUser {
  uid: number;
  gid: number;
}

/** `sources`: src/main.ts through tsx (tests); `compiled`: dist/main.js, as `npm start` runs it (build it first). */
export type ServerEntry = 'sources' | 'compiled';

const entryArgs = (entry: ServerEntry) => (entry === 'compiled' ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts']);

const spawnServer = (env: Record<string, string>, nodeArgs: string[], user?: ChildUser, entry: ServerEntry = 'sources') =>
  spawn(process.execPath, [...nodeArgs, ...entryArgs(entry)], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });

export async function startChildServer(env: Record<string, string>, nodeArgs: string[] = [], entry: ServerEntry = 'sources'): Promise<ChildServer> {
  const adminToken = env.SUISHIN_ADMIN_TOKEN ?? `admin-${randomBytes(18).toString('base64url')}`;
  const child = spawnServer({ ...env, SUISHIN_ADMIN_TOKEN: adminToken }, nodeArgs, undefined, entry);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Suishin listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${err}`)));
  });
  return {
    child,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    adminToken,
    exited,
    stderr: () => err,
  };
}

export interface ChildExit {
  code: number | string;
  stdout: string;
  stderr: string;
}

/**
 * Runs the server entry point expecting it to refuse to start: resolves with its exit code and
 * output once it ends. One that starts listening instead is killed after `timeoutMs`
 * (code 'SIGKILL'), so a test that expected a refusal fails instead of hanging.
 */
export function runChildServerToExit(env: Record<string, string>, options: { user?: ChildUser; timeoutMs?: number } = {}): Promise<ChildExit> {
  const child = spawnServer({ SUISHIN_ADMIN_TOKEN: `admin-${randomBytes(18).toString('base64url')}`, ...env }, [], options.user);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  return new Promise((resolve) =>
    // 'close', not 'exit': it comes after the output streams have ended.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? 'unknown', stdout, stderr });
    }),
  );
}
