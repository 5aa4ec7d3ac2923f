/**
 * The server's signing secret. Every credential (admin sign-in token, role links, session cookies,
 * socket tickets) is an HMAC under a key derived from it, so replacing it signs everybody out.
 *
 * SUISHIN_SECRET wins when set. Otherwise the secret lives in DATA_DIR/suishin.secret, created on
 * first start from 32 random bytes with mode 0600 (owner read/write only). A file that others can
 * read is tightened to 0600 with a warning rather than trusted silently.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';

export const SECRET_FILE_NAME = 'suishin.secret';

export interface ServerSecret {
  key: Buffer;
  /** Where it came from, for the startup message. */
  source: 'environment' | 'created' | 'file';
  /** The file path when the secret is kept under DATA_DIR. */
  file: string | null;
}

export function loadServerSecret(dataDir: string, configured: string | null, logger: Logger): ServerSecret {
  if (configured !== null) return { key: Buffer.from(configured, 'utf8'), source: 'environment', file: null };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE_NAME);
  try {
    // 'wx': fails if the file exists, so two servers starting at once never overwrite each other's secret.
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    return { key: readSecretFile(file), source: 'created', file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    logger.warn('the secret file was readable by others; restricting it to its owner', {
      file,
      mode: mode.toString(8),
    });
    chmodSync(file, 0o600);
  }
  return { key: readSecretFile(file), source: 'file', file };
}

function readSecretFile(file: string): Buffer {
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new Error(`${file} holds no usable secret (expected at least 32 characters)`);
  return Buffer.from(text, 'utf8');
}

/** The secret the server would use, without creating one (the backup's `--with-secret`); null when there is none. */
export function readServerSecret(dataDir: string, configured: string | null): string | null {
  if (configured !== null) return configured;
  try {
    return readSecretFile(join(dataDir, SECRET_FILE_NAME)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Puts a restored secret in place (mode 0600), replacing the folder's own. */
export function writeServerSecret(dataDir: string, secret: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE_NAME);
  writeFileSync(`${file}.restoring`, `${secret}\n`, { mode: 0o600 });
  renameSync(`${file}.restoring`, file);
  return file;
}
