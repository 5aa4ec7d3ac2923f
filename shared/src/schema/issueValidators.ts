import type * as z from 'zod/mini';
import { issueRecord } from './issueRecords';

/** Creating and editing a 課題 (validators.ts has the others). */
export const issueInputSchema = issueRecord.input;
export type IssueInput = z.input<typeof issueInputSchema>;
export const issuePatchSchema = issueRecord.patch;
export type IssuePatch = z.input<typeof issuePatchSchema>;
