import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, REPO_ROOT, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults, with paths under the repository root', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: join(REPO_ROOT, 'data'),
      clientDist: join(REPO_ROOT, 'client/dist'),
      maxMessageBytes: 1024 * 1024,
      maxBodyBytes: 256 * 1024,
      compactAfterUpdates: 500,
      logLevel: 'info',
      secret: null,
      adminToken: null,
      allowedOrigins: null,
      publicUrl: null,
      rateLimit: { messagesPerSecond: 200, messageBurst: 400, bytesPerSecond: 2 * 1024 * 1024, maxThrottledMs: 60_000 },
      pingIntervalMs: 15_000,
      testingExtraRootKeys: [],
      timeZone: 'Asia/Tokyo',
      timeZoneSource: 'default',
      backups: null,
      metricsToken: null,
      auditDays: 3650,
      trashDays: 30,
    });
  });

  it('schedules backups only with BACKUP_DIR, every BACKUP_EVERY (a number and m, h or d), keeping BACKUP_KEEP', () => {
    expect(loadConfig({ BACKUP_EVERY: '6h' }).backups).toBeNull();
    expect(loadConfig({ BACKUP_DIR: './backups' }).backups).toEqual({ dir: join(REPO_ROOT, 'backups'), everyMs: 86_400_000, keep: 7 });
    expect(loadConfig({ BACKUP_DIR: '/srv/b', BACKUP_EVERY: '30m', BACKUP_KEEP: '48' }).backups).toEqual({ dir: '/srv/b', everyMs: 1_800_000, keep: 48 });
    expect(() => loadConfig({ BACKUP_DIR: '/srv/b', BACKUP_EVERY: 'daily' })).toThrow('invalid environment variable BACKUP_EVERY: must be a number and a unit: 30m, 6h or 1d');
  });

  it('reads the workspace time zone; EXPORT_TIME_ZONE is its deprecated name, and a zone that is not one stops startup', () => {
    expect(loadConfig({ WORKSPACE_TIME_ZONE: 'America/New_York' })).toMatchObject({ timeZone: 'America/New_York', timeZoneSource: 'WORKSPACE_TIME_ZONE' });
    expect(loadConfig({ EXPORT_TIME_ZONE: 'Europe/Berlin' })).toMatchObject({ timeZone: 'Europe/Berlin', timeZoneSource: 'EXPORT_TIME_ZONE' });
    expect(loadConfig({ WORKSPACE_TIME_ZONE: 'UTC', EXPORT_TIME_ZONE: 'Europe/Berlin' })).toMatchObject({ timeZone: 'UTC', timeZoneSource: 'WORKSPACE_TIME_ZONE' });
    expect(() => loadConfig({ WORKSPACE_TIME_ZONE: 'Asia/Tokio' })).toThrow('invalid environment variable WORKSPACE_TIME_ZONE: must be an IANA time zone such as Asia/Tokyo');
    expect(() => loadConfig({ EXPORT_TIME_ZONE: 'JST+9' })).toThrow(/EXPORT_TIME_ZONE/);
  });

  it('reads the access settings', () => {
    const config = loadConfig({
      SUISHIN_SECRET: 's'.repeat(40),
      SUISHIN_ADMIN_TOKEN: 'a-very-long-admin-token-123',
      ALLOWED_ORIGINS: 'https://meet.example.com, http://localhost:5173/',
      PUBLIC_URL: 'https://meet.example.com/',
      RATE_LIMIT_MESSAGES_PER_SECOND: '50',
    });
    expect(config).toMatchObject({
      secret: 's'.repeat(40),
      adminToken: 'a-very-long-admin-token-123',
      allowedOrigins: ['https://meet.example.com', 'http://localhost:5173'],
      publicUrl: 'https://meet.example.com',
      rateLimit: { messagesPerSecond: 50, messageBurst: 400 },
    });
  });

  it('reads the environment; relative paths resolve against the repository root, blanks are unset', () => {
    const config = loadConfig({ PORT: '9000', HOST: '0.0.0.0', DATA_DIR: './var/db', CLIENT_DIST: '/srv/app', LOG_LEVEL: '' });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: join(REPO_ROOT, 'var/db'),
      clientDist: '/srv/app',
      logLevel: 'info',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAX_MESSAGE_BYTES', '10'],
    ['COMPACT_AFTER_UPDATES', '0'],
    ['LOG_LEVEL', 'loud'],
    ['SUISHIN_SECRET', 'too-short'],
    ['SUISHIN_ADMIN_TOKEN', 'short'],
    ['ALLOWED_ORIGINS', 'not a url'],
    ['ALLOWED_ORIGINS', 'ftp://files.example.com'],
    ['PUBLIC_URL', 'meet.example.com'],
    ['RATE_LIMIT_BYTES_PER_SECOND', '10'],
    ['BACKUP_EVERY', '10s'],
    ['BACKUP_EVERY', '0m'],
    ['BACKUP_KEEP', '0'],
    ['METRICS_TOKEN', 'short'],
    ['AUDIT_DAYS', '0'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
