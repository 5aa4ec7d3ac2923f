/**
 * A person of the workspace's one people register (the address book now; body members, action
 * item owners and signed-in accounts later, matched by email: issue 23). The admin keeps it.
 */
import { z } from 'zod';

export const PERSON_LANGUAGES = ['ja', 'en'] as const;

const text = (max: number) => z.string().trim().max(max);

/** What the admin writes (create: all required but chat id; update: any subset). */
export const personInput = z
  .object({
    name: text(100).min(1, 'name is required'),
    department: text(100).default(''),
    email: z.string().trim().toLowerCase().pipe(z.email('email must be an email address')).pipe(z.string().max(254)),
    chatId: text(100).default(''),
    language: z.enum(PERSON_LANGUAGES).default('ja'),
  })
  .strict();
export type PersonInput = z.infer<typeof personInput>;

export const personPatch = z
  .object({
    name: personInput.shape.name,
    department: text(100),
    email: personInput.shape.email,
    chatId: text(100),
    language: z.enum(PERSON_LANGUAGES),
  })
  .partial()
  .strict();
export type PersonPatch = z.infer<typeof personPatch>;

export interface Person extends PersonInput {
  id: string;
  /** Version of the person's personal links: bumping it revokes every link issued before. */
  linkVersion: number;
  createdAt: number;
  updatedAt: number;
}

/** Emails compare without case (stored lower-cased): one person per address. */
export const normalEmail = (email: string) => email.trim().toLowerCase();
