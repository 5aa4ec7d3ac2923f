import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_WORKSPACE_TIME_ZONE, isTimeZone } from '@suishin/shared/time';

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
  /** Signing secret from SUISHIN_SECRET; null means the one kept in DATA_DIR (created on first start). */
  secret: string | null;
  /** The workspace admin's sign-in token from SUISHIN_ADMIN_TOKEN; null means derived from the secret. */
  adminToken: string | null;
  /** Browser origins allowed to use the session cookie (ALLOWED_ORIGINS); null means the server's own. */
  allowedOrigins: string[] | null;
  /** The address people reach the server at (PUBLIC_URL), for share links and Secure cookies. */
  publicUrl: string | null;
  /** Per-connection limits; a client over them is throttled (sync/connection.ts). */
  rateLimit: { messagesPerSecond: number; messageBurst: number; bytesPerSecond: number; maxThrottledMs: number };
  /** How often silent sockets are pinged; one that misses a ping is dropped at the next beat. */
  pingIntervalMs: number;
  /**
   * Root keys besides the meeting model's that clients may write (SUISHIN_TESTING_EXTRA_ROOT_KEYS).
   * Only tests and benchmarks set it (their documents use keys of their own); never in production.
   */
  testingExtraRootKeys: string[];
  /** The workspace's one clock: the IANA zone of every time shown or written (WORKSPACE_TIME_ZONE). */
  timeZone: string;
  /** Where `timeZone` came from, for the admin's view and the deprecation warning. */
  timeZoneSource: TimeZoneSource;
  /** Scheduled backups (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP); null without BACKUP_DIR. */
  backups: { dir: string; everyMs: number; keep: number } | null;
  /** Bearer token for /metrics (METRICS_TOKEN); null means loopback callers only. */
  metricsToken: string | null;
  /** Days the audit trail keeps an entry (AUDIT_DAYS). */
  auditDays: number;
  /** Days a deleted meeting stays in the trash before it is purged (TRASH_DAYS). */
  trashDays: number;
}

/** EXPORT_TIME_ZONE is the deprecated name of WORKSPACE_TIME_ZONE (it used to govern files only). */
export type TimeZoneSource = 'WORKSPACE_TIME_ZONE' | 'EXPORT_TIME_ZONE' | 'default';

const toAbsolute = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** "30m", "6h", "1d": at least a minute. */
const duration = z
  .string()
  .regex(/^\d+\s*[mhd]$/, 'must be a number and a unit: 30m, 6h or 1d')
  .transform((v) => Number.parseInt(v, 10) * UNIT_MS[v.trim().slice(-1) as keyof typeof UNIT_MS])
  .refine((ms) => ms >= 60_000, 'must be at least 1m');

const EnvSchema = z.object({
  PORT: intFrom(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  CLIENT_DIST: z.string().min(1).default('client/dist'),
  MAX_MESSAGE_BYTES: intFrom(1024, 64 * 1024 * 1024).default(1024 * 1024),
  MAX_BODY_BYTES: intFrom(1024, 64 * 1024 * 1024).default(256 * 1024),
  COMPACT_AFTER_UPDATES: intFrom(1, 1_000_000).default(500),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SUISHIN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SUISHIN_ADMIN_TOKEN: z.string().min(20, 'must be at least 20 characters').regex(/^\S+$/, 'must not contain spaces').optional(),
  ALLOWED_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((o) => new URL(o).origin)).min(1))
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
  RATE_LIMIT_MESSAGES_PER_SECOND: intFrom(1, 1_000_000).default(200),
  RATE_LIMIT_MESSAGE_BURST: intFrom(1, 10_000_000).default(400),
  RATE_LIMIT_BYTES_PER_SECOND: intFrom(1024, 1024 * 1024 * 1024).default(2 * 1024 * 1024),
  RATE_LIMIT_MAX_THROTTLED_SECONDS: intFrom(1, 86_400).default(60),
  SOCKET_PING_SECONDS: intFrom(1, 3600).default(15),
  SUISHIN_TESTING_EXTRA_ROOT_KEYS: z
    .string()
    .transform((value) => value.split(',').map((k) => k.trim()).filter(Boolean))
    .optional(),
  WORKSPACE_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Tokyo').optional(),
  EXPORT_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Tokyo (deprecated: use WORKSPACE_TIME_ZONE)').optional(),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_EVERY: duration.default(86_400_000),
  BACKUP_KEEP: intFrom(1, 100_000).default(7),
  METRICS_TOKEN: z.string().min(20, 'must be at least 20 characters').regex(/^\S+$/, 'must not contain spaces').optional(),
  AUDIT_DAYS: intFrom(1, 36_500).default(3650),
  TRASH_DAYS: intFrom(1, 3650).default(30),
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
    secret: e.SUISHIN_SECRET ?? null,
    adminToken: e.SUISHIN_ADMIN_TOKEN ?? null,
    allowedOrigins: e.ALLOWED_ORIGINS ?? null,
    publicUrl: e.PUBLIC_URL ?? null,
    rateLimit: {
      messagesPerSecond: e.RATE_LIMIT_MESSAGES_PER_SECOND,
      messageBurst: Math.max(e.RATE_LIMIT_MESSAGE_BURST, e.RATE_LIMIT_MESSAGES_PER_SECOND),
      bytesPerSecond: e.RATE_LIMIT_BYTES_PER_SECOND,
      maxThrottledMs: e.RATE_LIMIT_MAX_THROTTLED_SECONDS * 1000,
    },
    pingIntervalMs: e.SOCKET_PING_SECONDS * 1000,
    testingExtraRootKeys: e.SUISHIN_TESTING_EXTRA_ROOT_KEYS ?? [],
    ...workspaceTimeZone(e),
    backups: e.BACKUP_DIR ? { dir: toAbsolute(e.BACKUP_DIR), everyMs: e.BACKUP_EVERY, keep: e.BACKUP_KEEP } : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    auditDays: e.AUDIT_DAYS,
    trashDays: e.TRASH_DAYS,
  };
}

/**
 * WORKSPACE_TIME_ZONE, else the deprecated EXPORT_TIME_ZONE (kept so existing deployments keep
 * their zone; the server warns at start), else Asia/Tokyo. When both are set, WORKSPACE_TIME_ZONE wins.
 */
function workspaceTimeZone(e: { WORKSPACE_TIME_ZONE?: string | undefined; EXPORT_TIME_ZONE?: string | undefined }): Pick<ServerConfig, 'timeZone' | 'timeZoneSource'> {
  if (e.WORKSPACE_TIME_ZONE) return { timeZone: e.WORKSPACE_TIME_ZONE, timeZoneSource: 'WORKSPACE_TIME_ZONE' };
  if (e.EXPORT_TIME_ZONE) return { timeZone: e.EXPORT_TIME_ZONE, timeZoneSource: 'EXPORT_TIME_ZONE' };
  return { timeZone: DEFAULT_WORKSPACE_TIME_ZONE, timeZoneSource: 'default' };
}

/** The workspace's zone from the environment alone (the export command line reads no other config). */
export function loadWorkspaceTimeZone(env: Record<string, string | undefined> = process.env): Pick<ServerConfig, 'timeZone' | 'timeZoneSource'> {
  const { timeZone, timeZoneSource } = loadConfig(
    Object.fromEntries(['WORKSPACE_TIME_ZONE', 'EXPORT_TIME_ZONE'].map((key) => [key, env[key]])),
  );
  return { timeZone, timeZoneSource };
}
