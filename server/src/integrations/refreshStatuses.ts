/**
 * Follow-up of exported action items: each open item with an externalRef in a configured tracker
 * is looked up there (GitHub, Jira, Linear); an issue finished in the tracker makes the item done
 * (Linear canceled: dropped) here, written through the durable room path (Rooms.withRoom →
 * Room.applyServerChange) even when the meeting has ended: the server may write to a frozen
 * document, clients may not. The other copies of a carried item's chain are closed with it.
 *
 * Decisions:
 * - Only closings travel: an issue still open in the tracker never reopens an item closed here,
 *   and an item already closed here is not looked up.
 * - One item's failure (unknown key, 404, network, rate limit past the retries) is reported for
 *   that item and the others go on.
 * - Network calls happen before the room is touched (withRoom is kept short).
 */
import type Database from 'better-sqlite3';
import {
  getActionItem,
  getCarriedFrom,
  isClosedStatus,
  toMeetingView,
  updateActionItem,
  type ActionItem,
  type ActionItemStatus,
  type ExternalRef,
  type TrackerKind,
} from '@suishin/shared';
import type { RefreshedItem, RefreshReport, RefreshSummary, TrackerState } from '@suishin/shared/protocol';
import type { ExportSettings } from '../closing/exportSettings';
import type { Logger } from '../logger';
import type { MeetingStore } from '../persistence/store';
import type { Rooms } from '../sync/rooms';
import { readCurrentDoc } from '../persistence/currentDoc';
import { githubStatus } from './githubStatus';
import { jiraStatus } from './jiraStatus';
import { linearStatus } from './linearStatus';
import { createTrackerClient } from './pushActionItems';
import type { TrackerClient } from './trackerClient';
import { DEFAULT_RETRY_POLICY, type HttpDeps } from './trackerHttp';
import { fetchTrackerState, type StatusReader } from './trackerStatus';

export interface RefreshDeps {
  store: MeetingStore;
  rooms: Rooms;
  settings: ExportSettings;
  logger: Logger;
  /** The follow-through database (carry links), to close the other copies of a chain. */
  db?: Database.Database;
  /** Re-projects an ended meeting whose document changed here. */
  reproject?: (meetingId: string) => Promise<void>;
  http?: Partial<Omit<HttpDeps, 'policy'>>;
}

// The reports are answered as they are (http/trackerRefresh.ts, http/series.ts): shared's wire shapes.
export type { RefreshedItem, RefreshReport, RefreshSummary };

interface Reader {
  client: TrackerClient;
  status: StatusReader;
}

function readers(settings: ExportSettings): Map<TrackerKind, Reader> {
  const out = new Map<TrackerKind, Reader>();
  for (const setting of Object.values(settings.trackers)) {
    if (setting.state !== 'configured') continue;
    const base = settings.apiBaseUrls?.[setting.tracker];
    const config = setting.config;
    const client = createTrackerClient(config, base);
    const status =
      config.tracker === 'github' ? githubStatus(config, base) : config.tracker === 'jira' ? jiraStatus(config, base) : linearStatus(config, base);
    out.set(setting.tracker, { client, status });
  }
  return out;
}

/** Done wins over dropped: if any of an item's issues is finished, the item is. */
const rank: Record<TrackerState, number> = { open: 0, dropped: 1, done: 2 };

/** Refreshes one meeting's exported action items; null if the meeting does not exist. */
export async function refreshMeetingStatuses(meetingId: string, deps: RefreshDeps): Promise<RefreshReport | null> {
  const items = await readCurrentDoc(deps, meetingId, (doc) => toMeetingView(doc, meetingId).actionItems);
  if (!items) return null;
  const report: RefreshReport = { meetingId, checked: 0, changed: 0, failed: 0, closedCopies: 0, items: [] };
  const trackers = readers(deps.settings);
  if (trackers.size === 0) return report;
  const http: HttpDeps = {
    fetch: deps.http?.fetch ?? fetch,
    sleep: deps.http?.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: deps.http?.now ?? Date.now,
    random: deps.http?.random ?? Math.random,
    onRetry: deps.http?.onRetry,
    policy: { ...DEFAULT_RETRY_POLICY, ...deps.settings.retry },
  };

  const verdicts = new Map<string, TrackerState>();
  for (const item of items as ActionItem[]) {
    if (isClosedStatus(item.status)) continue;
    for (const ref of item.externalRefs as ExternalRef[]) {
      const reader = trackers.get(ref.tracker);
      if (!reader) continue;
      report.checked++;
      let outcome;
      try {
        outcome = await fetchTrackerState(reader.client, reader.status, ref, http);
      } catch (error) {
        outcome = { error: (error as Error).message };
      }
      if ('error' in outcome) {
        report.failed++;
        report.items.push({ actionItemId: item.id, title: item.title, tracker: ref.tracker, key: ref.key, trackerState: 'error', error: outcome.error });
        continue;
      }
      report.items.push({ actionItemId: item.id, title: item.title, tracker: ref.tracker, key: ref.key, trackerState: outcome.state });
      const before = verdicts.get(item.id) ?? 'open';
      if (rank[outcome.state] > rank[before]) verdicts.set(item.id, outcome.state);
    }
  }
  const closing = [...verdicts].filter(([, state]) => state !== 'open') as Array<[string, 'done' | 'dropped']>;
  if (closing.length === 0) return report;

  const changed = await deps.rooms.withRoom(meetingId, (room) =>
    room.applyServerChange((doc) => {
      const out: Array<{ id: string; status: ActionItemStatus; root: { meetingId: string; actionItemId: string } }> = [];
      for (const [id, state] of closing) {
        const item = getActionItem(doc, id);
        if (!item || isClosedStatus(item.status)) continue;
        updateActionItem(doc, id, { status: state });
        out.push({ id, status: state, root: getCarriedFrom(doc, id)?.root ?? { meetingId, actionItemId: id } });
      }
      return out;
    }),
  );
  for (const c of changed ?? []) {
    report.changed++;
    const entry = report.items.find((i) => i.actionItemId === c.id && i.trackerState !== 'error');
    if (entry) entry.changedTo = c.status;
  }
  if (changed?.length) await reprojectIfEnded(deps, meetingId);
  for (const c of changed ?? []) report.closedCopies += await closeChain(deps, c.root, c.status, { meetingId, actionItemId: c.id });
  return report;
}

async function reprojectIfEnded(deps: RefreshDeps, meetingId: string): Promise<void> {
  const row = await deps.store.getMeetingRow(meetingId);
  if (row?.status === 'ended') await deps.reproject?.(meetingId);
}

/** Closes the root and every carried copy of a chain (except `except`) that is still open. */
async function closeChain(deps: RefreshDeps, root: { meetingId: string; actionItemId: string }, status: ActionItemStatus, except: { meetingId: string; actionItemId: string }): Promise<number> {
  if (!deps.db) return 0;
  const copies = deps.db
    .prepare<[string, string], { meeting_id: string; action_item_id: string }>(
      'SELECT meeting_id, action_item_id FROM follow_carry_links WHERE root_meeting_id = ? AND root_action_item_id = ?',
    )
    .all(root.meetingId, root.actionItemId);
  let closed = 0;
  for (const target of [{ meeting_id: root.meetingId, action_item_id: root.actionItemId }, ...copies]) {
    if (target.meeting_id === except.meetingId && target.action_item_id === except.actionItemId) continue;
    try {
      const done = await deps.rooms.withRoom(target.meeting_id, (room) =>
        room.applyServerChange((doc) => {
          const item = getActionItem(doc, target.action_item_id);
          if (!item || isClosedStatus(item.status)) return false;
          updateActionItem(doc, target.action_item_id, { status });
          return true;
        }),
      );
      if (done) {
        closed++;
        await reprojectIfEnded(deps, target.meeting_id);
      }
    } catch (error) {
      deps.logger.error('closing a copy of a refreshed action item failed', { meetingId: target.meeting_id, actionItemId: target.action_item_id, error });
    }
  }
  return closed;
}

/** Refreshes several meetings one after the other; one meeting's failure does not stop the rest. */
export async function refreshManyMeetings(meetingIds: readonly string[], deps: RefreshDeps): Promise<RefreshSummary> {
  const total: RefreshSummary = { checked: 0, changed: 0, failed: 0, meetings: [] };
  for (const id of meetingIds) {
    try {
      const report = await refreshMeetingStatuses(id, deps);
      if (!report) continue;
      total.checked += report.checked;
      total.changed += report.changed + report.closedCopies;
      total.failed += report.failed;
      total.meetings.push(report);
    } catch (error) {
      deps.logger.error('refreshing tracker statuses failed', { meetingId: id, error });
      total.failed++;
    }
  }
  return total;
}
