/**
 * The projector's address: `/m/<meetingId>/projector#screen=<observer link token>&join=<join URL>`.
 * The fragment never reaches a server. `screen` is the screen's own read-only credential (an
 * observer link: the server refuses every write on its socket), so the projector can run on the
 * room's PC without anyone signing in there; `join` is the participant link its QR code shows.
 * Kept in this tab's sessionStorage once read, so a reload of the projector keeps working.
 */
export interface ProjectorLink {
  screenToken: string;
  joinUrl: string | null;
}

const storageKey = (meetingId: string) => `suishin.projector:${meetingId}`;

export function projectorUrl(origin: string, meetingId: string, link: ProjectorLink): string {
  const fragment = new URLSearchParams({ screen: link.screenToken, ...(link.joinUrl ? { join: link.joinUrl } : {}) });
  return `${origin}/m/${encodeURIComponent(meetingId)}/projector#${fragment.toString()}`;
}

/** Reads (and removes from the address bar) the projector's credential, or the one this tab kept. */
export function takeProjectorLink(meetingId: string, location: Location = window.location): ProjectorLink | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const screenToken = params.get('screen');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  if (screenToken) {
    const link: ProjectorLink = { screenToken, joinUrl: params.get('join') };
    try {
      sessionStorage.setItem(storageKey(meetingId), JSON.stringify(link));
    } catch {
      // private mode: the projector works until it is reloaded
    }
    return link;
  }
  try {
    const kept = JSON.parse(sessionStorage.getItem(storageKey(meetingId)) ?? 'null') as ProjectorLink | null;
    return kept && typeof kept.screenToken === 'string' ? kept : null;
  } catch {
    return null;
  }
}
