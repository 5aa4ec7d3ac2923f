/** HistoryReads over the SQLite projection and follow-through tables (one read connection to the documents' file). */
import type Database from 'better-sqlite3';
import type { HistoryReads } from '../historyReads';
import { actionItemQueries } from './actionItemQueries';
import { bodyQueries } from './bodyQueries';
import { dashboardQueries } from './dashboardQueries';
import { decisionQueries } from './decisionQueries';
import { meetingListQueries } from './meetingListQueries';
import { searchQueries } from './searchQueries';

export function sqliteHistoryReads(db: Database.Database): HistoryReads {
  const meetings = meetingListQueries(db);
  const actionItems = actionItemQueries(db);
  const decisions = decisionQueries(db);
  const search = searchQueries(db);
  const dashboards = dashboardQueries(db, actionItems);
  const bodies = bodyQueries(db);
  return {
    archivePage: async (...args) => meetings.page(...args),
    archiveCount: async (...args) => meetings.count(...args),
    homeLists: async (...args) => meetings.homeLists(...args),
    actionItemPage: async (...args) => actionItems.page(...args),
    actionItemCount: async (...args) => actionItems.count(...args),
    decisionPage: async (...args) => decisions.page(...args),
    decisionCount: async (...args) => decisions.count(...args),
    search: async (...args) => search.search(...args),
    searchCount: async (...args) => search.count(...args),
    dashboard: async (...args) => dashboards.dashboard(...args),
    dashboardMeetings: async (...args) => dashboards.meetingsPage(...args),
    dashboardMeetingCount: async (...args) => dashboards.meetingCount(...args),
    bodyFigures: async (...args) => bodies.figures(...args),
  };
}
