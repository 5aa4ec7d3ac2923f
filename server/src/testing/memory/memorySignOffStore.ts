/** A SignOffStore in memory, for tests and the sign-off store's contract. */
import type { MinutesVersion, ReviewResponse } from '@suishin/shared';
import type { ReviewLink, SignOffStore } from '../../minutes/signOffStore';

export interface MemorySignOffData {
  versions: Map<string, MinutesVersion[]>;
  responses: Map<string, ReviewResponse[]>;
  links: Map<string, ReviewLink>;
}

export const memorySignOffData = (): MemorySignOffData => ({ versions: new Map(), responses: new Map(), links: new Map() });

/** Pass the same `data` to a second store: a restart. */
export function openMemorySignOffStore(data: MemorySignOffData = memorySignOffData()): SignOffStore {
  const versionsOf = (id: string) => data.versions.get(id) ?? [];
  return {
    async addVersion(meetingId, basedOn, version) {
      const list = versionsOf(meetingId);
      const newest = list.at(-1)?.version ?? null;
      if (basedOn !== newest) return { ok: false, reason: basedOn !== null && !list.some((v) => v.version === basedOn) ? 'unknown-version' : 'not-newest-version' };
      const next = (newest ?? 0) + 1;
      data.versions.set(meetingId, [...list, { ...version, version: next }]);
      return { ok: true, version: next };
    },
    async versions(meetingId) {
      return versionsOf(meetingId).map((v) => ({ ...v }));
    },
    async respond(meetingId, response) {
      if (!versionsOf(meetingId).some((v) => v.version === response.version)) return { ok: false, reason: 'unknown-version' };
      data.responses.set(meetingId, [...(data.responses.get(meetingId) ?? []), { ...response }]);
      return { ok: true };
    },
    async responses(meetingId) {
      // Stable sort: responses at the same time stay in the order they came.
      return [...(data.responses.get(meetingId) ?? [])].sort((a, b) => a.at - b.at).map((r) => ({ ...r }));
    },
    async addLink(link) {
      data.links.set(link.linkId, { ...link, revoked: false });
    },
    async link(linkId) {
      const link = data.links.get(linkId);
      return link ? { ...link } : null;
    },
    async links(meetingId) {
      return [...data.links.values()].filter((l) => l.meetingId === meetingId).reverse().map((l) => ({ ...l }));
    },
    async revokeLink(meetingId, linkId) {
      const link = data.links.get(linkId);
      if (!link || link.meetingId !== meetingId) return false;
      link.revoked = true;
      return true;
    },
  };
}
