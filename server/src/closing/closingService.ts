/**
 * Everything that happens when a meeting closes, and after: the server-side closing checklist,
 * ending the meeting, the relational projection, export files, and pushes to trackers with the
 * created keys written back to the action items.
 *
 * Every change to a meeting's document goes through its room's durable path
 * (MeetingDocuments.change → Room.applyServerChange: stored, then applied and relayed to every client),
 * never through a client connection: the server may still write to an ended meeting (tracker
 * keys) while clients are refused.
 */
import {
  closingChecklist,
  endMeeting,
  ErrorCode,
  getActionItem,
  getClosingNotes,
  getMeta,
  toMeetingView,
  updateActionItem,
  ValidationError,
  type ClosingChecklist,
  type ClosingNotes,
  type ErrorCodeValue,
  type ExternalRef,
  type MeetingView,
  type TrackerKind,
} from '@suishin/shared';
import { findFormat, type ExportLanguage } from '@suishin/shared/export';
import type { ClosingRefusalDetails, ClosingStateResponse, PushReport } from '@suishin/shared/protocol';
import type * as Y from 'yjs';
import { previewPush, pushActionItems, type PushPreview, type TrackerConfig } from '../integrations/pushActionItems';
import type { Logger } from '../logger';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { MeetingStore } from '../persistence/store';
import type { MeetingProjector } from '../projections/meetingProjector';
import { rebuildProjection } from '../projections/rebuild';
import type { RoomEvents } from '../sync/room/roomEvents';
import { renderExport, type ExportFile } from './exportFile';
import { trackerSummaries, type ExportSettings, type TrackerSummary } from './exportSettings';

/** A refusal with its HTTP status and error code; `details` goes into the response body. */
export class ClosingError extends Error {
  override name = 'ClosingError';
  constructor(
    readonly status: 404 | 409 | 503,
    readonly code: ErrorCodeValue,
    message: string,
    readonly details?: ClosingRefusalDetails,
  ) {
    super(message);
  }
}

export interface MeetingSnapshot {
  view: MeetingView;
  notes: ClosingNotes;
}

export interface EndResult {
  view: MeetingView;
  checklist: ClosingChecklist;
}

/** What a push answers (POST …/trackers/:tracker/push): shared's wire shape. */
export type { PushReport };

export interface ClosingServiceDeps {
  documents: MeetingDocuments;
  /** For the list of stored meetings (the startup rebuild), never documents. */
  store: MeetingStore;
  /** The rooms' events: a meeting is projected in full once, when its end is durable. */
  events: RoomEvents;
  projector: MeetingProjector;
  settings: ExportSettings;
  logger: Logger;
  now?: () => number;
  fetch?: typeof fetch;
}

export class ClosingService {
  private readonly now: () => number;
  /** One push at a time per meeting and tracker, so two clicks never create an issue twice. */
  private readonly pushes = new Map<string, Promise<unknown>>();
  /** Projections started in the background (meetings that ended, the startup rebuild). */
  private readonly background = new Set<Promise<unknown>>();
  /** The projection of each meeting whose end just became durable, for end() to wait for. */
  private readonly endedProjections = new Map<string, Promise<void>>();
  private started = false;

  constructor(private readonly deps: ClosingServiceDeps) {
    this.now = deps.now ?? Date.now;
    deps.events.on('ended', (meetingId, room) => {
      // Read now, from the room's document: the end is durable and in it.
      const projecting = this.deps.projector.projectOrLog(meetingId, room.doc);
      this.endedProjections.set(meetingId, projecting);
      this.inBackground(projecting.finally(() => {
        if (this.endedProjections.get(meetingId) === projecting) this.endedProjections.delete(meetingId);
      }));
    });
  }

  get settings(): ExportSettings {
    return this.deps.settings;
  }

  /** Rebuilds the whole projection if its tables were just created or upgraded. */
  start() {
    if (this.started) return;
    this.started = true;
    if (this.deps.projector.needsRebuild) {
      this.inBackground(
        rebuildProjection(this.deps).then((result) =>
          this.deps.logger.info('projection rebuilt', { meetings: result.projected, failed: result.failed.length }),
        ),
      );
    }
  }

  /** Waits for background projections. Call before closing the stores. */
  async close() {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  // ── Reading ─────────────────────────────────────────────────────────────────────────────────

  /** The meeting as stored (durable state): from its open room, else from the store; null if unknown. */
  async read(meetingId: string): Promise<MeetingSnapshot | null> {
    return this.deps.documents.read(meetingId, (doc) => snapshotOf(doc, meetingId));
  }

  async checklist(meetingId: string): Promise<ClosingStateResponse | null> {
    const snapshot = await this.read(meetingId);
    if (!snapshot) return null;
    return {
      checklist: closingChecklist(snapshot.view, snapshot.notes.overrides),
      notes: snapshot.notes,
      status: snapshot.view.meta.status,
    };
  }

  // ── Ending ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Ends the meeting on the server's clock, if its closing checklist has no open gap. The check
   * and the end are one change on the room's newest state (every update accepted before it
   * included), so an edit that reopens a gap cannot slip in between. Then the final state is
   * projected into the relational tables.
   */
  async end(meetingId: string): Promise<EndResult> {
    const done = await this.deps.documents.change(
      meetingId,
      (doc) => {
        const meta = getMeta(doc);
        if (meta.status === 'ended') throw new ClosingError(409, ErrorCode.conflict, 'the meeting has already ended');
        const list = closingChecklist(toMeetingView(doc, meetingId), getClosingNotes(doc).overrides);
        if (!list.ready) {
          throw new ClosingError(409, ErrorCode.conflict, `the closing checklist has ${list.open.length} open gap(s)`, {
            openGaps: list.open,
          });
        }
        endMeeting(doc, this.now());
        return list;
      },
      (doc) => toMeetingView(doc, meetingId),
    );
    if (!done) throw new ClosingError(404, ErrorCode.notFound, `unknown meeting ${meetingId}`);
    // Projected once, by the `ended` listener, from the same durable document: wait for it.
    await this.endedProjections.get(meetingId);
    this.deps.logger.info('meeting ended', { meetingId, overridden: done.result.overridden.length });
    return { view: done.after, checklist: done.result };
  }

  // ── Export files ────────────────────────────────────────────────────────────────────────────

  async exportFile(
    meetingId: string,
    formatId: string,
    options: { requestOrigin: string; language?: ExportLanguage },
  ): Promise<ExportFile> {
    const format = findFormat(formatId);
    if (!format) throw new ClosingError(404, ErrorCode.notFound, `unknown export format ${formatId}`);
    const snapshot = await this.read(meetingId);
    if (!snapshot) throw new ClosingError(404, ErrorCode.notFound, `unknown meeting ${meetingId}`);
    return renderExport(snapshot.view, snapshot.notes, format, {
      meetingUrlBase: this.meetingUrlBase(options.requestOrigin),
      settings: this.deps.settings,
      ...(options.language ? { language: options.language } : {}),
    });
  }

  // ── Trackers ────────────────────────────────────────────────────────────────────────────────

  trackers(): TrackerSummary[] {
    return trackerSummaries(this.deps.settings);
  }

  /** What a push would create where; sends nothing. */
  async preview(meetingId: string, tracker: TrackerKind, options: { requestOrigin: string }): Promise<PushPreview> {
    const config = this.trackerConfig(tracker);
    const snapshot = await this.requireSnapshot(meetingId);
    return previewPush({ ...this.pushOptions(config, tracker, options.requestOrigin), meeting: snapshot.view });
  }

  /**
   * Creates an issue for every action item that has none in this tracker yet, then writes the
   * created keys back to the action items through the room's durable path. Pushes of one meeting
   * to one tracker run one after the other, and each reads the keys the previous one wrote, so
   * repeating a push creates nothing twice.
   */
  async push(meetingId: string, tracker: TrackerKind, options: { requestOrigin: string }): Promise<PushReport> {
    const config = this.trackerConfig(tracker);
    const key = `${meetingId}\u0000${tracker}`;
    const previous = this.pushes.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.pushNow(meetingId, tracker, config, options.requestOrigin));
    this.pushes.set(key, run);
    try {
      return await run;
    } finally {
      if (this.pushes.get(key) === run) this.pushes.delete(key);
    }
  }

  private async pushNow(meetingId: string, tracker: TrackerKind, config: TrackerConfig, requestOrigin: string): Promise<PushReport> {
    const snapshot = await this.requireSnapshot(meetingId);
    const result = await pushActionItems({ ...this.pushOptions(config, tracker, requestOrigin), meeting: snapshot.view });
    const notRecorded: PushReport['notRecorded'] = [];
    if (result.refsToWrite.length > 0) {
      const created = new Map(
        result.outcomes.flatMap((o) => (o.status === 'created' ? [[o.actionItemId, o.ref] as const] : [])),
      );
      try {
        const written = await this.deps.documents.change(
          meetingId,
          (doc) => writeBackRefs(doc, result.refsToWrite),
          (doc) => this.deps.projector.projectOrLog(meetingId, doc), // the keys in the projection too
        );
        for (const problem of written?.result ?? []) notRecorded.push({ ...problem, ref: created.get(problem.actionItemId)! });
      } catch (error) {
        this.deps.logger.error('writing tracker keys back failed', { meetingId, tracker, error });
        for (const [actionItemId, ref] of created) notRecorded.push({ actionItemId, ref, reason: 'storing the key failed' });
      }
    }
    const { refsToWrite: _written, ...report } = result;
    return { ...report, notRecorded };
  }

  // ── Projection ──────────────────────────────────────────────────────────────────────────────

  private inBackground(promise: Promise<unknown>) {
    const tracked = promise.catch((error: unknown) => this.deps.logger.error('background projection failed', { error }));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────────

  private meetingUrlBase(requestOrigin: string): string {
    return this.deps.settings.publicUrl ?? requestOrigin;
  }

  private async requireSnapshot(meetingId: string): Promise<MeetingSnapshot> {
    const snapshot = await this.read(meetingId);
    if (!snapshot) throw new ClosingError(404, ErrorCode.notFound, `unknown meeting ${meetingId}`);
    return snapshot;
  }

  private trackerConfig(tracker: TrackerKind): TrackerConfig {
    const setting = this.deps.settings.trackers[tracker];
    if (!setting) throw new ClosingError(404, ErrorCode.notFound, `unknown tracker ${String(tracker)}`);
    if (setting.state === 'not-configured') {
      throw new ClosingError(409, ErrorCode.conflict, `${tracker} is not configured on this server`);
    }
    if (setting.state === 'invalid') {
      throw new ClosingError(503, ErrorCode.conflict, `${tracker} is misconfigured on this server: ${setting.problem}`);
    }
    const interval = this.deps.settings.minIntervalMs;
    return interval === undefined ? setting.config : { ...setting.config, minIntervalMs: interval };
  }

  private pushOptions(config: TrackerConfig, tracker: TrackerKind, requestOrigin: string) {
    const { settings, logger } = this.deps;
    const apiBaseUrl = settings.apiBaseUrls?.[tracker];
    return {
      tracker: config,
      meetingUrlBase: this.meetingUrlBase(requestOrigin),
      logger,
      timeZone: settings.timeZone,
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
      ...(settings.retry ? { retry: settings.retry } : {}),
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    };
  }
}

function snapshotOf(doc: Y.Doc, meetingId: string): MeetingSnapshot {
  return { view: toMeetingView(doc, meetingId), notes: getClosingNotes(doc) };
}

/**
 * Adds the created refs to each action item, keeping refs written meanwhile (a push to another
 * tracker). An item removed meanwhile, or a ref the model refuses, is reported, not thrown, so one
 * bad item never loses the keys of the others.
 */
function writeBackRefs(
  doc: Y.Doc,
  refsToWrite: ReadonlyArray<{ actionItemId: string; externalRefs: ExternalRef[] }>,
): Array<{ actionItemId: string; reason: string }> {
  const problems: Array<{ actionItemId: string; reason: string }> = [];
  for (const { actionItemId, externalRefs } of refsToWrite) {
    const current = getActionItem(doc, actionItemId);
    if (!current) {
      problems.push({ actionItemId, reason: 'the action item was removed meanwhile' });
      continue;
    }
    const merged = [...current.externalRefs];
    for (const ref of externalRefs) {
      if (!merged.some((r) => r.tracker === ref.tracker && r.key === ref.key)) merged.push(ref);
    }
    try {
      updateActionItem(doc, actionItemId, { externalRefs: merged });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push({ actionItemId, reason: error.message });
    }
  }
  return problems;
}
