import { hostname, userInfo } from 'node:os';
import type { AuditOrigin } from '@suishin/shared/protocol';

/** "From where" for the audit trail when a command line acts: the machine and the user who ran it. */
export function consoleOrigin(): AuditOrigin {
  let user = 'unknown user';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (a container): the uid is in the process anyway
  }
  return { address: null, userAgent: `command line: ${user}@${hostname()} (pid ${process.pid})` };
}
