/**
 * The longest id a record (agenda item, decision, action item, KPI…) may have. Validation of
 * records uses it, and so does the client's reading of presence messages, which name the agenda
 * item someone is editing.
 */
export const MAX_ID_LENGTH = 100;
