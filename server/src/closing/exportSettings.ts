/**
 * Server-side settings of exports and tracker pushes, from environment variables. Tokens stay
 * here and in the tracker clients: nothing in this module's output that reaches the browser
 * (trackerSummaries) carries a credential.
 *
 *   PUBLIC_URL            where the app is served, for links back to the meeting in every export
 *                         (default: the origin of the request; the CLI needs it or --public-url)
 *   WORKSPACE_TIME_ZONE   the workspace's zone, of times in minutes and files as on the screen (read
 *                         by config.ts; EXPORT_TIME_ZONE is its deprecated name)
 *   EXPORT_OWNER_EMAILS   JSON {"owner name" or "name/department": "e-mail"} for the CSV importers
 *
 *   GITHUB_TOKEN, GITHUB_REPO ("owner/repo"), GITHUB_API_URL, GITHUB_ASSIGNEES (JSON name → login)
 *   JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN, JIRA_PROJECT, JIRA_ISSUE_TYPE,
 *     JIRA_OWNER_MAP (JSON name → accountId)
 *   LINEAR_API_KEY, LINEAR_TEAM_ID, LINEAR_API_URL, LINEAR_OWNER_MAP (JSON name → user id)
 *
 * A tracker is configured when its token and destination are set. A tracker whose settings are
 * incomplete or invalid is reported (without secrets) instead of stopping the server: exports
 * keep working, and the UI and the preview say what is wrong.
 */
import type { TrackerKind } from '@suishin/shared';
import type { TrackerSummary } from '@suishin/shared/protocol';
import { DEFAULT_WORKSPACE_TIME_ZONE } from '@suishin/shared/time';
import { loadWorkspaceTimeZone } from '../config';
import { createTrackerClient, type TrackerConfig } from '../integrations/pushActionItems';
import type { RetryPolicy } from '../integrations/trackerHttp';

export type OwnerMap = Readonly<Record<string, string>>;

export type TrackerSetting =
  | { tracker: TrackerKind; state: 'configured'; config: TrackerConfig; destination: string }
  | { tracker: TrackerKind; state: 'invalid'; problem: string }
  | { tracker: TrackerKind; state: 'not-configured' };

export interface ExportSettings {
  publicUrl: string | null;
  /** The workspace's zone (config's WORKSPACE_TIME_ZONE): files print times as the screen does. */
  timeZone: string;
  ownerEmails: OwnerMap | undefined;
  trackers: Record<TrackerKind, TrackerSetting>;
  /** Overrides each tracker's API base URL (tests point them at a local fake). */
  apiBaseUrls?: Partial<Record<TrackerKind, string>>;
  /** Retry policy overrides for tracker requests (tests use short delays). */
  retry?: Partial<RetryPolicy>;
  /** Pause between creations, overriding each tracker's default (tests use 0). */
  minIntervalMs?: number;
}

/** What the browser may know of a tracker (GET /api/meetings/:id/trackers): shared's wire shape. */
export type { TrackerSummary };

export const TRACKERS: readonly TrackerKind[] = ['github', 'jira', 'linear'];

type Env = Record<string, string | undefined>;

export function loadExportSettings(env: Env = process.env): ExportSettings & { problems: string[] } {
  const problems: string[] = [];
  const value = (key: string) => {
    const v = env[key]?.trim();
    return v ? v : undefined;
  };
  const json = (key: string): OwnerMap | undefined => {
    const raw = value(key);
    if (!raw) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')) {
        return parsed as OwnerMap;
      }
    } catch {
      // reported below
    }
    throw new SettingError(`${key} must be a JSON object of names to strings`);
  };

  let publicUrl: string | null = null;
  const rawUrl = value('PUBLIC_URL');
  if (rawUrl) {
    if (/^https?:\/\/[^\s"'<>\\`]+$/i.test(rawUrl)) publicUrl = rawUrl.replace(/\/+$/, '');
    else problems.push('PUBLIC_URL must be an absolute http(s) URL; using the request origin');
  }
  let timeZone = DEFAULT_WORKSPACE_TIME_ZONE;
  try {
    timeZone = loadWorkspaceTimeZone(env).timeZone;
  } catch (error) {
    problems.push(`${(error as Error).message}; using ${DEFAULT_WORKSPACE_TIME_ZONE}`);
  }
  let ownerEmails: OwnerMap | undefined;
  try {
    ownerEmails = json('EXPORT_OWNER_EMAILS');
  } catch (error) {
    problems.push((error as Error).message);
  }

  const tracker = (kind: TrackerKind, required: string[], build: () => TrackerConfig): TrackerSetting => {
    const present = required.filter((key) => value(key));
    if (present.length === 0) return { tracker: kind, state: 'not-configured' };
    const missing = required.filter((key) => !value(key));
    if (missing.length > 0) return invalid(kind, `missing ${missing.join(', ')}`);
    try {
      const config = build();
      const client = createTrackerClient(config);
      return { tracker: kind, state: 'configured', config, destination: client.destination };
    } catch (error) {
      return invalid(kind, (error as Error).message);
    }
  };
  const invalid = (kind: TrackerKind, problem: string): TrackerSetting => {
    problems.push(`${kind}: ${problem}`);
    return { tracker: kind, state: 'invalid', problem };
  };

  const trackers: Record<TrackerKind, TrackerSetting> = {
    github: tracker('github', ['GITHUB_TOKEN', 'GITHUB_REPO'], () => {
      const [owner, repo, ...rest] = value('GITHUB_REPO')!.split('/');
      if (!owner || !repo || rest.length > 0) throw new SettingError('GITHUB_REPO must be "owner/repo"');
      return {
        tracker: 'github',
        owner,
        repo,
        token: value('GITHUB_TOKEN')!,
        ...(value('GITHUB_API_URL') ? { apiBaseUrl: value('GITHUB_API_URL') } : {}),
        ...(json('GITHUB_ASSIGNEES') ? { assignees: json('GITHUB_ASSIGNEES') } : {}),
      };
    }),
    jira: tracker('jira', ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN', 'JIRA_PROJECT'], () => ({
      tracker: 'jira',
      siteUrl: value('JIRA_BASE_URL')!,
      email: value('JIRA_EMAIL')!,
      apiToken: value('JIRA_API_TOKEN')!,
      projectKey: value('JIRA_PROJECT')!,
      ...(value('JIRA_ISSUE_TYPE') ? { issueType: value('JIRA_ISSUE_TYPE') } : {}),
      ...(json('JIRA_OWNER_MAP') ? { accountIds: json('JIRA_OWNER_MAP') } : {}),
    })),
    linear: tracker('linear', ['LINEAR_API_KEY', 'LINEAR_TEAM_ID'], () => ({
      tracker: 'linear',
      apiKey: value('LINEAR_API_KEY')!,
      teamId: value('LINEAR_TEAM_ID')!,
      ...(value('LINEAR_API_URL') ? { apiBaseUrl: value('LINEAR_API_URL') } : {}),
      ...(json('LINEAR_OWNER_MAP') ? { assigneeIds: json('LINEAR_OWNER_MAP') } : {}),
    })),
  };

  return { publicUrl, timeZone, ownerEmails, trackers, problems };
}

export function trackerSummaries(settings: ExportSettings): TrackerSummary[] {
  return TRACKERS.map((kind) => {
    const s = settings.trackers[kind];
    if (s.state === 'configured') return { tracker: kind, state: s.state, destination: s.destination };
    if (s.state === 'invalid') return { tracker: kind, state: s.state, problem: s.problem };
    return { tracker: kind, state: s.state };
  });
}

class SettingError extends Error {}
