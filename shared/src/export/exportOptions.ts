import type { ActionItem, ItemLink, Person } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import type { ExportLanguage } from './formatting';
import { DEFAULT_WORKSPACE_TIME_ZONE } from '../time/workspaceTime';
import { exportLabels } from './labels';

/** Labels put on every tracker issue unless the caller names others. */
export const DEFAULT_TRACKER_LABELS: readonly string[] = ['meeting-action'];

/** What every formatter takes besides the meeting. */
export interface ExportOptions {
  /**
   * Where the app is served, e.g. "https://suishin.example.co.jp" (a path prefix is kept).
   * Links back to the meeting are `${meetingUrlBase}/meetings/${meetingId}`.
   */
  meetingUrlBase: string;
  /** Language of the output; defaults to the meeting's own language. */
  language?: ExportLanguage;
  /** The workspace's IANA zone for every printed time and day, whatever the language; default Asia/Tokyo. */
  timeZone?: string;
}

/**
 * Owner → tracker identity (an e-mail address for the CSV importers; a login, accountId or user
 * id for the APIs). A record is looked up by the owner's name, compared after Unicode NFKC and
 * whitespace folding so "山田　太郎" (full-width space) matches "山田 太郎"; a key
 * "name/department" wins over a bare name when two owners share a name. A function may decide
 * for itself. Unmapped owners get no assignee; their name goes into the description instead.
 */
export type OwnerMapping = Readonly<Record<string, string>> | ((owner: Person) => string | null | undefined);

export function normalizePersonKey(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function resolveOwner(mapping: OwnerMapping | undefined, owner: Person): string | null {
  if (!mapping || !owner.name.trim()) return null;
  if (typeof mapping === 'function') return mapping(owner)?.trim() || null;
  const wanted = [`${owner.name}/${owner.department}`, owner.name].map(normalizePersonKey);
  for (const key of wanted) {
    for (const [candidate, value] of Object.entries(mapping)) {
      if (normalizePersonKey(candidate) === key && value.trim()) return value.trim();
    }
  }
  return null;
}

export function exportLanguage(view: MeetingView, options: { language?: ExportLanguage }): ExportLanguage {
  return options.language ?? (view.meta.language === 'en' ? 'en' : 'ja');
}

export function exportTimeZone(options: { timeZone?: string }): string {
  return options.timeZone ?? DEFAULT_WORKSPACE_TIME_ZONE;
}

/** The meeting's page in the app. */
export function meetingUrl(meetingUrlBase: string, meetingId: string): string {
  return `${meetingUrlBase.replace(/\/+$/, '')}/meetings/${encodeURIComponent(meetingId)}`;
}

/**
 * True for absolute http(s) URLs without whitespace, quotes or angle brackets: the only URLs the
 * exports turn into links. (A pattern, because shared/ has no URL global in its type world.)
 */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s"'<>\\`]+$/i.test(value);
}

/**
 * The action items that go to trackers and calendars: everything except dropped items, unless
 * asked. (The JSON export and the minutes always carry every item with its status.)
 */
export function exportableActionItems(view: MeetingView, options: { includeDropped?: boolean } = {}): ActionItem[] {
  return options.includeDropped ? view.actionItems : view.actionItems.filter((item) => item.status !== 'dropped');
}

/** What an action item's link points at, as "関連する決定: 価格改定を7月に実施" text, or null. */
export function describeLink(
  view: MeetingView,
  link: ItemLink | null,
  language: ExportLanguage,
): { label: string; text: string } | null {
  if (!link) return null;
  const labels = exportLabels(language);
  let text: string | undefined;
  if (link.kind === 'decision') text = view.decisions.find((d) => d.id === link.id)?.text;
  else if (link.kind === 'agenda') text = view.agenda.find((a) => a.id === link.id)?.title;
  else text = view.kpis.find((k) => k.id === link.id)?.name;
  if (text === undefined) return null;
  return { label: labels.linkKind[link.kind], text };
}

/** "山田 太郎（営業部）" / "Taro Yamada (Sales)"; empty when there is no owner. */
export function ownerText(owner: Person, language: ExportLanguage): string {
  return owner.name.trim() ? exportLabels(language).withDepartment(owner.name, owner.department) : '';
}
