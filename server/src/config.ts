import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (server/src/config.ts → ../..): relative paths in the environment resolve against it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute directory that holds the SQLite database. */
  dataDir: string;
  /** Absolute directory of the built client (index.html + assets). */
  clientDist: string;
  /** Largest WebSocket frame accepted; bigger frames close the socket with 1009. */
  maxMessageBytes: number;
  /** Largest REST request body. */
  maxBodyBytes: number;
  /** Number of stored updates after which a room's log is folded into a snapshot. */
  compactAfterUpdates: number;
  logLevel: LogLevel;
}

const toAbsolute = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  PORT: intFrom(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  CLIENT_DIST: z.string().min(1).default('client/dist'),
  MAX_MESSAGE_BYTES: intFrom(1024, 64 * 1024 * 1024).default(1024 * 1024),
  MAX_BODY_BYTES: intFrom(1024, 64 * 1024 * 1024).default(256 * 1024),
  COMPACT_AFTER_UPDATES: intFrom(1, 1_000_000).default(500),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from environment variables, once. Empty strings count as unset.
 * Relative DATA_DIR / CLIENT_DIST resolve against the repository root, so `DATA_DIR=./data`
 * means the same folder whichever package directory the server was started from.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: toAbsolute(e.DATA_DIR),
    clientDist: toAbsolute(e.CLIENT_DIST),
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxBodyBytes: e.MAX_BODY_BYTES,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    logLevel: e.LOG_LEVEL,
  };
}
