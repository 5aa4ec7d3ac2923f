/**
 * The reference for `pnpm bench`: the stock y-websocket server, @y/websocket-server 0.1.1, run as
 * its own `y-websocket` bin (in memory: no YPERSISTENCE), on a free loopback port. It shares our
 * one Yjs 13 (a peer dependency); 0.1.5 would need the unpublished yjs 14 line. It brings its own
 * ws (6.x, its optional dependency). Not part of the product: a dev dependency of the bench.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ReferenceServer {
  pid: number;
  syncUrl: string;
  stop(): Promise<void>;
}

export async function startReferenceServer(): Promise<ReferenceServer> {
  const pkg = dirname(require.resolve('@y/websocket-server/package.json'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE; // set at all (even empty), it would persist to LevelDB
  const child = spawn(process.execPath, [join(pkg, 'src/server.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`reference server exited (${code})`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (/running at/.test(d.toString())) resolve();
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    // Room names are the path after the host; clients append /<room>.
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
