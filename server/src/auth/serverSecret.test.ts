import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { makeTempDir } from '../testing/testServer';
import { SECRET_FILE_NAME, loadServerSecret } from './serverSecret';

const logger = createLogger('silent');

describe('server secret', () => {
  it('is created on first start with mode 0600 and reused afterwards', () => {
    const dir = makeTempDir();
    const first = loadServerSecret(dir, null, logger);
    expect(first.source).toBe('created');
    const file = join(dir, SECRET_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.key.length).toBeGreaterThanOrEqual(32);
    const second = loadServerSecret(dir, null, logger);
    expect(second.source).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('utf8'));
  });

  it('is tightened to 0600 if others could read it', () => {
    const dir = makeTempDir();
    loadServerSecret(dir, null, logger);
    chmodSync(join(dir, SECRET_FILE_NAME), 0o644);
    loadServerSecret(dir, null, logger);
    expect(statSync(join(dir, SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('comes from SUISHIN_SECRET when set, and then no file is written', () => {
    const dir = makeTempDir();
    const secret = loadServerSecret(dir, 'x'.repeat(40), logger);
    expect(secret.source).toBe('environment');
    expect(() => statSync(join(dir, SECRET_FILE_NAME))).toThrow();
  });
});
