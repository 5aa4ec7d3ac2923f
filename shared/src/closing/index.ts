/** The closing checklist and what it adds to the minutes. Pure functions of the MeetingView. */
export {
  closingChecklist,
  closingChecklistOf,
  closingGapId,
  CLOSING_CHECK_KINDS,
  type ClosingCheckKind,
  type ClosingCheck,
  type ClosingChecklist,
  type ClosingGap,
} from './checklist';
export { closingMinutesOptions, describeGap, describeOverride } from './minutes';
