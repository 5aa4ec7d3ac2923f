/**
 * Email over SMTP (SMTP_URL, e.g. smtp://user:pass@host:587) through nodemailer (runs on Node ≥ 6;
 * multipart text + HTML, UTF-8 headers encoded per RFC 2047 so Japanese subjects and names arrive
 * intact). The Message-ID is derived from the outbox key: the same message always carries the
 * same id, so a resend after a crash is recognisable by the receiving side.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { OutboxMessage } from './outbox';

export const emailBody = z.object({ subject: z.string().min(1).max(300), text: z.string().max(200_000), html: z.string().max(400_000) }).strict();
export type EmailBody = z.infer<typeof emailBody>;

export const messageIdOf = (key: string, domain: string) => `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;

export interface ChannelSender {
  /** Sends one claimed message; resolves with the channel's id for it, throws on failure. */
  send(message: OutboxMessage): Promise<string>;
}

export function smtpSender({ url, from, domain = 'suishin.local' }: { url: string; from: string; domain?: string }): ChannelSender & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      const body = emailBody.parse(message.body);
      const messageId = messageIdOf(message.key, domain);
      await transport.sendMail({ from, to: message.to, subject: body.subject, text: body.text, html: body.html, messageId, textEncoding: 'base64' });
      return messageId;
    },
    close: () => transport.close(),
  };
}
