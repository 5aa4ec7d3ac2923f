/**
 * The audit trail: what matters for trust, recorded once each (audit/auditLog.ts stores it).
 * Routes record what people do through http/auditRecording.ts; this service records what the
 * server sees happen (a meeting going live, a scheduled backup) and keeps AUDIT_DAYS of it.
 * Recording never fails the action it records: a storage error is logged instead.
 * Nothing here takes a token: actors are named by the hash of their principal (already a hash).
 */
import { createHash } from 'node:crypto';
import type { AuditActor, AuditDetail, AuditKind, AuditOrigin } from '@suishin/shared/protocol';
import type { Credential } from '../auth/credential';
import type { Logger } from '../logger';
import type { RoomEvents } from '../sync/room/roomEvents';
import type { AuditLog } from './auditLog';

const DAY_MS = 86_400_000;

export interface AuditEvent {
  meetingId?: string | null;
  actor?: AuditActor | null;
  from?: AuditOrigin | null;
  detail?: AuditDetail;
}

/** An opaque, stable id for one sign-in: never the principal itself (it is used elsewhere), never a token. */
export const actorId = (principal: string) => createHash('sha256').update(`suishin/audit:${principal}`).digest('base64url').slice(0, 16);

/** The actor of a credential; `role` is its role in the entry's meeting (the admin is 'admin'). */
export function actorOf(credential: Credential | null, role: AuditActor['role'] = null): AuditActor | null {
  if (!credential) return null;
  return { name: credential.name, role: credential.admin ? 'admin' : role, id: actorId(credential.principal) };
}

export class AuditTrail {
  private pruneTimer: NodeJS.Timeout | null = null;
  private readonly started = new Set<string>();

  constructor(
    private readonly options: { log: AuditLog; logger: Logger; retentionDays: number; now?: () => number },
  ) {}

  get log(): AuditLog {
    return this.options.log;
  }

  async record(kind: AuditKind, event: AuditEvent = {}): Promise<void> {
    try {
      await this.options.log.append({
        at: (this.options.now ?? Date.now)(),
        kind,
        meetingId: event.meetingId ?? null,
        actor: event.actor ?? null,
        from: event.from ?? null,
        detail: event.detail ?? {},
      });
    } catch (error) {
      this.options.logger.error('could not record an audit entry', { kind, meetingId: event.meetingId ?? null, error });
    }
  }

  /** Drops entries past AUDIT_DAYS now and once a day. */
  start(): void {
    const prune = () => {
      const before = (this.options.now ?? Date.now)() - this.options.retentionDays * DAY_MS;
      this.options.log.prune(before).then(
        (n) => n > 0 && this.options.logger.info('audit entries past AUDIT_DAYS removed', { count: n }),
        (error: unknown) => this.options.logger.error('audit retention failed', { error }),
      );
    };
    prune();
    this.pruneTimer = setInterval(prune, DAY_MS);
    this.pruneTimer.unref();
  }

  /**
   * A meeting is started by a facilitator's document update (the room writes its list row when the
   * status changes): recorded when a listed row first says live, once per meeting.
   */
  followMeetings(events: RoomEvents): void {
    events.on('listed', async (meetingId, _room, row) => {
      if (row.status !== 'live' || this.started.has(meetingId)) return;
      this.started.add(meetingId);
      const before = await this.options.log.page({ meetingId, kind: 'meetingStarted' }, 1, null);
      if (before.entries.length === 0) await this.record('meetingStarted', { meetingId, detail: { title: row.title } });
    });
  }

  async close(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.options.log.close();
  }
}
