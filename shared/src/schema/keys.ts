/**
 * Every root key of a meeting's Y.Doc, named once. Nothing outside shared/src/model uses these.
 *
 * Layout:
 *   meta         Y.Map<field, value>                  MeetingMeta fields
 *   attendees    Y.Map<id, Y.Map<field, value>>
 *   agenda       Y.Map<id, Y.Map<field, value>>       + field `notes`: Y.XmlFragment (tiptap)
 *   decisions    Y.Map<id, Y.Map<field, value>>
 *   actionItems  Y.Map<id, Y.Map<field, value>>
 *   kpis         Y.Map<id, Y.Map<field, value>>
 *   issues       Y.Map<id, Y.Map<field, value>>       課題 (schema/issueRecords.ts)
 *
 * Ordered collections are maps keyed by id with a fractional-index `order` field rather than
 * Y.Arrays: a concurrent move in a Y.Array is delete + insert and can duplicate an item, while
 * a move here is one last-writer-wins field.
 */
export const RootKey = {
  meta: 'meta',
  attendees: 'attendees',
  agenda: 'agenda',
  decisions: 'decisions',
  actionItems: 'actionItems',
  kpis: 'kpis',
  issues: 'issues',
  closing: 'closing', // closing-checklist overrides and the next meeting: see model/closingNotes.ts
} as const;

export type RootKeyName = (typeof RootKey)[keyof typeof RootKey];

/** Field of an agenda item's Y.Map that holds its notes fragment (bound by tiptap). */
export const AGENDA_NOTES_FIELD = 'notes';

/** The layout version new documents get; older ones are migrated on load (model/migrations/). */
export const SCHEMA_VERSION = 2;
