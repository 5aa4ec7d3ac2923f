/**
 * Follow-up of exported action items: each open item with an externalRef in a configured tracker
 * is looked up there (GitHub, Jira, Linear); an issue finished in the tracker makes the item done
 * (Linear canceled: dropped) here, written through the durable room path (MeetingDocuments.change →
 * Room.applyServerChange) even when the meeting has ended: the server may write to a frozen
 * document, clients may not. The other copies of a carried item's chain are closed with it.
 *
 * Decisions:
 * - Only closings travel: an issue still open in the tracker never reopens an item closed here,
 *   and an item already closed here is not looked up.
 * - One item's failure (unknown key, 404, network, rate limit past the retries) is reported for
 *   that item and the others go on.
 * - Network calls happen before the room is touched (the change is kept short).
 */
import type * as Y from 'yjs';
import {
  getActionItem,
  getCarriedFrom,
  getMeta,
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
import type { FollowThroughIndex, ItemRef } from '../followThrough/followThroughIndex';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { MeetingProjector } from '../projections/meetingProjector';
import { githubStatus } from './githubStatus';
import { jiraStatus } from './jiraStatus';
import { linearStatus } from './linearStatus';
import { createTrackerClient } from './pushActionItems';
import type { TrackerClient } from './trackerClient';
import { DEFAULT_RETRY_POLICY, type HttpDeps } from './trackerHttp';
import { fetchTrackerState, type StatusReader } from './trackerStatus';

export interface RefreshDeps {
  documents: MeetingDocuments;
  settings: ExportSettings;
  logger: Logger;
  /** The carry links, to close the other copies of a chain. */
  index?: FollowThroughIndex;
  /** Re-projects an ended meeting whose document changed here. */
  projector?: MeetingProjector;
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

const emptyReport = (meetingId: string): RefreshReport => ({ meetingId, checked: 0, changed: 0, failed: 0, closedCopies: 0, items: [] });

/** Refreshes one meeting's exported action items; null if the meeting does not exist. */
export async function refreshMeetingStatuses(meetingId: string, deps: RefreshDeps): Promise<RefreshReport | null> {
  const trackers = readers(deps.settings);
  // Without a tracker there is nothing to look up: the document is not even read.
  if (trackers.size === 0) return (await deps.documents.exists(meetingId)) ? emptyReport(meetingId) : null;
  const items = await deps.documents.read(meetingId, (doc) => toMeetingView(doc, meetingId).actionItems);
  if (!items) return null;
  const report = emptyReport(meetingId);
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

  const done = await deps.documents.change(
    meetingId,
    (doc) => {
      const out: Array<{ id: string; status: ActionItemStatus; root: ItemRef }> = [];
      for (const [id, state] of closing) {
        const item = getActionItem(doc, id);
        if (!item || isClosedStatus(item.status)) continue;
        updateActionItem(doc, id, { status: state });
        out.push({ id, status: state, root: getCarriedFrom(doc, id)?.root ?? { meetingId, actionItemId: id } });
      }
      return out;
    },
    (doc, out) => reprojectIfEnded(deps, meetingId, doc, out.length > 0),
  );
  const changed = done?.result ?? [];
  for (const c of changed) {
    report.changed++;
    const entry = report.items.find((i) => i.actionItemId === c.id && i.trackerState !== 'error');
    if (entry) entry.changedTo = c.status;
  }
  for (const c of changed) report.closedCopies += await closeChain(deps, c.root, c.status, { meetingId, actionItemId: c.id });
  return report;
}

/** An ended meeting whose document changed here is projected again, from the document the change left. */
async function reprojectIfEnded(deps: RefreshDeps, meetingId: string, doc: Y.Doc, changed: boolean): Promise<void> {
  if (changed && getMeta(doc).status === 'ended') await deps.projector?.projectOrLog(meetingId, doc);
}

/** Closes the root and every carried copy of a chain (except `except`) that is still open. */
async function closeChain(deps: RefreshDeps, root: ItemRef, status: ActionItemStatus, except: ItemRef): Promise<number> {
  if (!deps.index) return 0;
  let closed = 0;
  for (const target of [root, ...(await deps.index.carriedCopies(root))]) {
    if (target.meetingId === except.meetingId && target.actionItemId === except.actionItemId) continue;
    try {
      const done = await deps.documents.change(
        target.meetingId,
        (doc) => {
          const item = getActionItem(doc, target.actionItemId);
          if (!item || isClosedStatus(item.status)) return false;
          updateActionItem(doc, target.actionItemId, { status });
          return true;
        },
        (doc, changed) => reprojectIfEnded(deps, target.meetingId, doc, changed),
      );
      if (done?.result) closed++;
    } catch (error) {
      deps.logger.error('closing a copy of a refreshed action item failed', { meetingId: target.meetingId, actionItemId: target.actionItemId, error });
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
