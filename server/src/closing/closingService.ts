/**
 * Everything that happens when a meeting closes, and after: the server-side closing checklist,
 * ending the meeting, the relational projection, export files, and pushes to trackers with the
 * created keys written back to the action items.
 *
 * Every change to a meeting's document goes through its room's durable path
 * (Rooms.withRoom → Room.applyServerChange: stored, then applied and relayed to every client),
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
import type { MeetingStore } from '../persistence/store';
import { toMeetingRecord } from '../projections/meetingRecord';
import type { ProjectionStore } from '../projections/projectionStore';
import { projectStoredMeeting, rebuildProjection } from '../projections/rebuild';
import type { Rooms } from '../sync/rooms';
import { docFromStored } from '../meetings/storedDocument';
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
  store: MeetingStore;
  rooms: Rooms;
  projection: ProjectionStore;
  settings: ExportSettings;
  logger: Logger;
  now?: () => number;
  fetch?: typeof fetch;
}

export class ClosingService {
  private readonly now: () => number;
  /** One push at a time per meeting and tracker, so two clicks never create an issue twice. */
  private readonly pushes = new Map<string, Promise<unknown>>();
  /** Projections started in the background (when a list row turns `ended`, the startup rebuild). */
  private readonly background = new Set<Promise<unknown>>();
  private started = false;

  constructor(private readonly deps: ClosingServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  get settings(): ExportSettings {
    return this.deps.settings;
  }

  /** Rebuilds the whole projection if its tables were just created or upgraded. */
  start() {
    if (this.started) return;
    this.started = true;
    if (this.deps.projection.needsRebuild) {
      this.inBackground(
        rebuildProjection(this.deps.store, this.deps.projection, this.recordOptions()).then((result) =>
          this.deps.logger.info('projection rebuilt', { meetings: result.projected, failed: result.failed.length }),
        ),
      );
    }
  }

  /** Waits for background projections, then closes the projection store. Call before closing the store. */
  async close() {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
    await this.deps.projection.close();
  }

  // ── Reading ─────────────────────────────────────────────────────────────────────────────────

  /** The meeting as stored (durable state): from its open room, else from the store; null if unknown. */
  async read(meetingId: string): Promise<MeetingSnapshot | null> {
    const open = this.deps.rooms.peek(meetingId);
    if (open) return snapshotOf(open.doc, meetingId);
    const stored = await this.deps.store.loadMeeting(meetingId);
    if (!stored) return null;
    const doc = docFromStored(stored);
    try {
      return snapshotOf(doc, meetingId);
    } finally {
      doc.destroy();
    }
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
    const result = await this.deps.rooms.withRoom(meetingId, async (room) => {
      const checklist = await room.applyServerChange((doc) => {
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
      });
      await room.refreshProjection(); // the meetings list shows "ended" at once
      const snapshot = snapshotOf(room.doc, meetingId);
      await this.project(snapshot);
      return { view: snapshot.view, checklist };
    });
    if (!result) throw new ClosingError(404, ErrorCode.notFound, `unknown meeting ${meetingId}`);
    this.deps.logger.info('meeting ended', { meetingId, overridden: result.checklist.overridden.length });
    return result;
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
        const written = await this.deps.rooms.withRoom(meetingId, async (room) => {
          const problems = await room.applyServerChange((doc) => writeBackRefs(doc, result.refsToWrite));
          await this.project(snapshotOf(room.doc, meetingId));
          return problems;
        });
        for (const problem of written ?? []) notRecorded.push({ ...problem, ref: created.get(problem.actionItemId)! });
      } catch (error) {
        this.deps.logger.error('writing tracker keys back failed', { meetingId, tracker, error });
        for (const [actionItemId, ref] of created) notRecorded.push({ actionItemId, ref, reason: 'storing the key failed' });
      }
    }
    const { refsToWrite: _written, ...report } = result;
    return { ...report, notRecorded };
  }

  // ── Projection ──────────────────────────────────────────────────────────────────────────────

  /**
   * A meeting's list row just turned `ended` (see notifyWhenEnded): projects it from the store.
   * Meetings end only through end() (POST /api/meetings/:id/end; the server refuses a document
   * update that ends one), which has projected them already: this writes the same rows again.
   */
  meetingEnded(meetingId: string) {
    this.inBackground(this.projectStored(meetingId));
  }

  private async project(snapshot: MeetingSnapshot) {
    try {
      await this.deps.projection.replaceMeeting(toMeetingRecord(snapshot.view, snapshot.notes, this.recordOptions()));
    } catch (error) {
      // The document is the truth and is stored; a rebuild restores the rows.
      this.deps.logger.error('projecting a meeting failed', { meetingId: snapshot.view.id, error });
    }
  }

  private async projectStored(meetingId: string) {
    try {
      await projectStoredMeeting(this.deps.store, this.deps.projection, meetingId, this.recordOptions());
    } catch (error) {
      this.deps.logger.error('projecting a meeting failed', { meetingId, error });
    }
  }

  private recordOptions() {
    return { timeZone: this.deps.settings.timeZone };
  }

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
