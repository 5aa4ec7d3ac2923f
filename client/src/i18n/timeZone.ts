import { WORKSPACE_TIME_ZONE_META } from '@suishin/shared/protocol';
import { DEFAULT_WORKSPACE_TIME_ZONE, isTimeZone } from '@suishin/shared/time';

let zone: string | null = null;

/**
 * The workspace's one time zone (the server's WORKSPACE_TIME_ZONE), read once from the meta tag
 * the server puts into index.html. Every time on the screen is shown in it, as in the minutes and
 * files, never in the browser's zone: a minute book has one clock. Asia/Tokyo when the page has no
 * tag (the Vite dev server).
 */
export function workspaceTimeZone(): string {
  if (zone === null) {
    const fromPage = typeof document === 'undefined' ? null : document.querySelector(`meta[name="${WORKSPACE_TIME_ZONE_META}"]`)?.getAttribute('content');
    zone = fromPage && isTimeZone(fromPage) ? fromPage : DEFAULT_WORKSPACE_TIME_ZONE;
  }
  return zone;
}
