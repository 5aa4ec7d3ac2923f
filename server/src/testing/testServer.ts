/** Starts real servers on a free port with a temp DATA_DIR; teardown registered on the current test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { loadConfig, type ServerConfig } from '../config';
import { createServer, type ServerDeps, type SuishinServer } from '../createServer';

export interface TestServer {
  server: SuishinServer;
  config: ServerConfig;
  dataDir: string;
  httpUrl: string;
  /** serverUrl for WebsocketProvider: ws://127.0.0.1:<port>/sync */
  syncUrl: string;
  /** Closes this server and starts a new one on the same DATA_DIR (a restart). */
  restart(deps?: ServerDeps): Promise<TestServer>;
}

export function makeTempDir(prefix = 'suishin-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string>; deps?: ServerDeps } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeTempDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CLIENT_DIST: join(dataDir, 'no-client'),
    LOG_LEVEL: process.env.SUISHIN_TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const server = createServer(config, options.deps);
  onTestFinished(() => server.close());
  const port = await server.listen();
  return {
    server,
    config,
    dataDir,
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    async restart(deps) {
      await server.close();
      return startTestServer({ ...options, dataDir, deps: deps ?? options.deps });
    },
  };
}

export async function createMeetingViaApi(httpUrl: string, title = 'Weekly sync'): Promise<string> {
  const res = await fetch(`${httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
