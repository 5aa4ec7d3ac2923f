/** Starts real servers on a free port with a temp DATA_DIR; teardown registered on the current test. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { loadConfig, type ServerConfig } from '../config';
import { createServer, type ServerDeps, type SuishinServer } from '../createServer';
import { adminHeaders, type ServerEndpoint } from './serverAccess';

export interface TestServer extends ServerEndpoint {
  server: SuishinServer;
  config: ServerConfig;
  dataDir: string;
  httpUrl: string;
  /** serverUrl for WebsocketProvider: ws://127.0.0.1:<port>/sync */
  syncUrl: string;
  /** SUISHIN_ADMIN_TOKEN of this server (random per test server unless given in env). */
  adminToken: string;
  /** SUISHIN_SECRET of this server, to mint tokens in tests (expired ones, say). */
  secret: string;
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
  const adminToken = options.env?.SUISHIN_ADMIN_TOKEN ?? `admin-${randomBytes(18).toString('base64url')}`;
  const secret = options.env?.SUISHIN_SECRET ?? randomBytes(32).toString('base64url');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CLIENT_DIST: join(dataDir, 'no-client'),
    LOG_LEVEL: process.env.SUISHIN_TEST_LOG_LEVEL ?? 'silent',
    SUISHIN_ADMIN_TOKEN: adminToken,
    SUISHIN_SECRET: secret,
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
    adminToken,
    secret,
    async restart(deps) {
      await server.close();
      const env = { ...options.env, SUISHIN_ADMIN_TOKEN: adminToken, SUISHIN_SECRET: secret };
      return startTestServer({ ...options, env, dataDir, deps: deps ?? options.deps });
    },
  };
}

/** Creates a meeting as the workspace admin; resolves with its id. */
export async function createMeetingViaApi(server: ServerEndpoint, title = 'Weekly sync'): Promise<string> {
  const res = await fetch(`${server.httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { ...adminHeaders(server), 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
