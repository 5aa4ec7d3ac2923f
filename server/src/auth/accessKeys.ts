/**
 * Meetings' access key versions, read through from the store and cached. A grant (role link,
 * session grant, ticket) names the version it was issued under and is valid only while that is
 * still current; rotating a meeting's key therefore revokes every link and grant issued before.
 *
 * The cache makes the per-message check on open sockets a Map lookup. It is exact for one server
 * process; with several instances a rotation reaches the others' caches only after they re-read
 * (see `forget`), which the scale-out relay will have to broadcast.
 */
import type { MeetingStore } from '../persistence/store';

export class AccessKeys {
  private readonly versions = new Map<string, number>();

  constructor(private readonly store: MeetingStore) {}

  /** The meeting's current version, or null if the meeting does not exist. */
  async current(meetingId: string): Promise<number | null> {
    const cached = this.versions.get(meetingId);
    if (cached !== undefined) return cached;
    const version = await this.store.getAccessKeyVersion(meetingId);
    if (version !== null) this.versions.set(meetingId, version);
    return version;
  }

  /** The cached version, if this process has read it; never touches the store. */
  cached(meetingId: string): number | undefined {
    return this.versions.get(meetingId);
  }

  async rotate(meetingId: string): Promise<number> {
    const version = await this.store.rotateAccessKey(meetingId);
    this.versions.set(meetingId, version);
    return version;
  }

  forget(meetingId: string) {
    this.versions.delete(meetingId);
  }
}
