import type { ActionItemStatus, ExternalRef, LinkKind, MeetingStatus } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import { describeLink, exportLanguage, meetingUrl, resolveOwner, type ExportOptions, type OwnerMapping } from './exportOptions';
import { isoOrNull, type ExportLanguage } from './formatting';

/**
 * The action items of one meeting as a documented, versioned JSON document, for scripts and
 * for tools without a CSV importer.
 *
 * Compatibility: `format` never changes; `version` goes up only when a field is removed, renamed
 * or changes meaning. New optional fields may appear within a version, so readers must ignore
 * fields they do not know. Every action item is included, dropped ones too, with its status.
 *
 * Version 1:
 * ```
 * {
 *   "format": "suishin.action-items",
 *   "version": 1,
 *   "exportedAt": "2025-07-01T02:00:00.000Z",        // ISO 8601 UTC
 *   "meeting": {
 *     "id", "title", "url",                          // url: the meeting's page in the app
 *     "status": "draft" | "live" | "ended",
 *     "language": "ja" | "en",
 *     "scheduledStart": ISO 8601 | null,
 *     "startedAt" / "endedAt": ISO 8601 UTC | null
 *   },
 *   "actionItems": [{
 *     "id", "title",
 *     "owner": { "name", "department", "email": string | null },   // email via ownerEmails
 *     "dueDate": "YYYY-MM-DD" | null,
 *     "status": "open" | "in_progress" | "done" | "dropped",
 *     "link": { "kind": "decision" | "agenda" | "kpi", "id", "text": string | null } | null,
 *     "externalRefs": [{ "tracker": "github" | "jira" | "linear", "key", "url" }],
 *     "createdAt": ISO 8601 UTC | null
 *   }]
 * }
 * ```
 */
export const ACTION_ITEMS_JSON_FORMAT = 'suishin.action-items';
export const ACTION_ITEMS_JSON_VERSION = 1;

export interface ActionItemsJsonV1 {
  format: typeof ACTION_ITEMS_JSON_FORMAT;
  version: 1;
  exportedAt: string;
  meeting: {
    id: string;
    title: string;
    url: string;
    status: MeetingStatus;
    language: ExportLanguage;
    scheduledStart: string | null;
    startedAt: string | null;
    endedAt: string | null;
  };
  actionItems: Array<{
    id: string;
    title: string;
    owner: { name: string; department: string; email: string | null };
    dueDate: string | null;
    status: ActionItemStatus;
    link: { kind: LinkKind; id: string; text: string | null } | null;
    externalRefs: ExternalRef[];
    createdAt: string | null;
  }>;
}

export interface ActionItemsJsonOptions extends ExportOptions {
  ownerEmails?: OwnerMapping;
  /** Export time; default now. */
  now?: Date;
}

export function buildActionItemsJson(view: MeetingView, options: ActionItemsJsonOptions): ActionItemsJsonV1 {
  const language = exportLanguage(view, options);
  return {
    format: ACTION_ITEMS_JSON_FORMAT,
    version: ACTION_ITEMS_JSON_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    meeting: {
      id: view.id,
      title: view.meta.title,
      url: meetingUrl(options.meetingUrlBase, view.id),
      status: view.meta.status,
      language: view.meta.language,
      scheduledStart: view.meta.scheduledStart,
      startedAt: isoOrNull(view.meta.startedAt),
      endedAt: isoOrNull(view.meta.endedAt),
    },
    actionItems: view.actionItems.map((item) => ({
      id: item.id,
      title: item.title,
      owner: {
        name: item.owner.name,
        department: item.owner.department,
        email: resolveOwner(options.ownerEmails, item.owner),
      },
      dueDate: item.dueDate,
      status: item.status,
      link: item.link
        ? { kind: item.link.kind, id: item.link.id, text: describeLink(view, item.link, language)?.text ?? null }
        : null,
      externalRefs: item.externalRefs.map((ref) => ({ tracker: ref.tracker, key: ref.key, url: ref.url })),
      createdAt: isoOrNull(item.createdAt || null),
    })),
  };
}

/** The document as text: 2-space indented, with a final newline. */
export function formatActionItemsJson(view: MeetingView, options: ActionItemsJsonOptions): string {
  return `${JSON.stringify(buildActionItemsJson(view, options), null, 2)}\n`;
}
