/**
 * 会議体 (meeting bodies): series with a purpose, decision function, members and a parent body.
 * Creating and changing one goes through here so a parent is always a known body and never the
 * body itself or one of its descendants (the escalation graph stays a forest); the writes are
 * serialised, so two concurrent changes cannot make a cycle that neither alone would.
 * Health (bodyHealth.ts) is computed here from the history read port and the rating store.
 */
import { BODY_RATING_MEETINGS, BODY_TREND_MEETINGS, type BodyHealth, type BodyRatingPoint } from '@suishin/shared/protocol';
import { nextDueDay, parentProblem, type Series } from '@suishin/shared';
import type { BodyFigures, HistoryReads } from '../projections/historyReads';
import type { RatingStore } from './ratingStore';
import { ratingFigures } from './meetingRatings';
import type { SeriesInput, SeriesStore } from './seriesStore';

export class BodyParentError extends Error {
  constructor(readonly reason: 'unknown' | 'self' | 'cycle', parentId: string) {
    super(
      reason === 'unknown'
        ? `parentId: no body ${parentId}`
        : reason === 'self'
          ? 'parentId: a body cannot escalate to itself'
          : `parentId: ${parentId} is below this body (it escalates to it), so it cannot be its parent: that would make a cycle`,
    );
  }
}

export interface MeetingBodiesDeps {
  series: SeriesStore;
  reads: HistoryReads;
  ratings: RatingStore;
  /** "YYYY-MM-DD" in the workspace's zone. */
  today(): string;
}

export class MeetingBodies {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: MeetingBodiesDeps) {}

  /** Throws BodyParentError when the parent is unknown. */
  create(input: SeriesInput): Promise<Series> {
    return this.serial(async () => {
      await this.checkParent(null, input.parentId ?? null);
      return this.deps.series.create(input);
    });
  }

  /** Null for an unknown id; throws BodyParentError for a parent that is unknown, itself or below it. */
  update(id: string, patch: Parameters<SeriesStore['update']>[1]): Promise<Series | null> {
    return this.serial(async () => {
      if (!(await this.deps.series.get(id))) return null;
      if (patch.parentId !== undefined) await this.checkParent(id, patch.parentId);
      return this.deps.series.update(id, patch);
    });
  }

  async health(bodies: readonly Series[]): Promise<Map<string, BodyHealth>> {
    const today = this.deps.today();
    const figures = await this.deps.reads.bodyFigures(bodies.map((b) => b.id), today, BODY_TREND_MEETINGS);
    const meetingIds = [...figures.values()].flatMap((f) => f.lastEnded.slice(0, BODY_RATING_MEETINGS).map((m) => m.meetingId));
    const totals = await this.deps.ratings.totals(meetingIds);
    const result = new Map<string, BodyHealth>();
    for (const body of bodies) {
      const f = figures.get(body.id) ?? emptyFigures();
      let votes = 0;
      let sum = 0;
      for (const m of f.lastEnded.slice(0, BODY_RATING_MEETINGS)) {
        votes += totals.get(m.meetingId)?.votes ?? 0;
        sum += totals.get(m.meetingId)?.sum ?? 0;
      }
      const lastHeldOn = f.lastEnded.find((m) => m.heldOn !== null)?.heldOn ?? null;
      const byCadence = nextDueDay(body.cadence, lastHeldOn, today);
      result.set(body.id, {
        onTimeRate: f.closed === 0 ? null : f.closedOnTime / f.closed,
        closed: f.closed,
        open: f.open,
        overdue: f.overdue,
        rating: ratingFigures({ votes, sum }),
        reviewDue: body.reviewOn !== null && body.reviewOn <= today,
        endedMeetings: f.endedMeetings,
        lastHeldOn,
        next: f.next
          ? { meetingId: f.next.meetingId, title: f.next.title, heldOn: f.next.heldOn, byCadence: false }
          : { meetingId: null, title: null, heldOn: byCadence, byCadence: byCadence !== null },
      });
    }
    return result;
  }

  /** The rating of each of the body's last ended meetings, oldest first. */
  async ratingTrend(body: Series): Promise<BodyRatingPoint[]> {
    const f = (await this.deps.reads.bodyFigures([body.id], this.deps.today(), BODY_TREND_MEETINGS)).get(body.id) ?? emptyFigures();
    const totals = await this.deps.ratings.totals(f.lastEnded.map((m) => m.meetingId));
    return f.lastEnded
      .map((m) => ({ ...m, rating: ratingFigures(totals.get(m.meetingId) ?? { votes: 0, sum: 0 }) }))
      .reverse();
  }

  private async checkParent(id: string | null, parentId: string | null) {
    if (parentId === null) return;
    const parentOf = new Map((await this.deps.series.list()).map((s) => [s.id, s.parentId] as const));
    const problem = parentProblem(id, parentId, parentOf);
    if (problem) throw new BodyParentError(problem, parentId);
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

const emptyFigures = (): BodyFigures => ({ closed: 0, closedOnTime: 0, open: 0, overdue: 0, endedMeetings: 0, lastEnded: [], next: null });
