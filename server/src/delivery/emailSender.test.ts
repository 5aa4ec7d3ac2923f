/**
 * Email through a real SMTP server running in the test process (smtp-server), parsed as it
 * arrived (mailparser): multipart text + HTML, a Japanese UTF-8 subject, the Message-ID derived
 * from the outbox key; a refused delivery backs off and is retried, exactly once in the end.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openMemoryOutbox } from '../testing/memory/memoryOutbox';
import { messageIdOf, smtpSender } from './emailSender';
import { drainOutbox } from './outboxWorker';

async function startSmtp(refuseFirst = 0) {
  const received: ParsedMail[] = [];
  let refusals = refuseFirst;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push(mail);
          callback();
        });
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, received };
}

const digest = { subject: '【Suishin】本日の期限: 見積もりを送る', text: '佐藤さん\n今日が期限の項目があります。', html: '<p>佐藤さん</p><p>今日が期限の項目があります。</p>' };

describe('email over SMTP from the outbox', () => {
  it('arrives as multipart text + HTML with the Japanese subject intact and the key’s Message-ID', async () => {
    const smtp = await startSmtp();
    const sender = smtpSender({ url: smtp.url, from: '"推進 Suishin" <noreply@example.jp>' });
    onTestFinished(() => sender.close());
    const outbox = openMemoryOutbox();
    await outbox.enqueue({ key: 'digest:p1:2026-12-08', channel: 'email', to: 'sato@example.jp', body: digest }, 0);
    await outbox.enqueue({ key: 'digest:p1:2026-12-08', channel: 'email', to: 'sato@example.jp', body: digest }, 0); // same key: one
    expect(await drainOutbox({ outbox, senders: { email: sender } })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received as [ParsedMail];
    expect(mail.subject).toBe(digest.subject);
    expect(mail.text?.trim()).toBe(digest.text);
    expect(mail.html).toContain('<p>今日が期限の項目があります。</p>');
    expect(mail.from?.value[0]).toMatchObject({ name: '推進 Suishin', address: 'noreply@example.jp' });
    expect(mail.messageId).toBe(messageIdOf('digest:p1:2026-12-08', 'suishin.local'));
    expect((await outbox.get('digest:p1:2026-12-08'))?.state).toBe('sent');
    expect(await drainOutbox({ outbox, senders: { email: sender } })).toEqual({ sent: 0, failed: 0 }); // never twice
  });

  it('a refused delivery backs off, is retried when due, and arrives once', async () => {
    const smtp = await startSmtp(1);
    const sender = smtpSender({ url: smtp.url, from: 'noreply@example.jp' });
    onTestFinished(() => sender.close());
    const outbox = openMemoryOutbox();
    let now = 1_000;
    await outbox.enqueue({ key: 'k', channel: 'email', to: 'sato@example.jp', body: digest }, now);
    const policy = { baseMs: 1_000, maxMs: 10_000, maxAttempts: 3 };
    expect(await drainOutbox({ outbox, senders: { email: sender }, now: () => now, policy })).toEqual({ sent: 0, failed: 1 });
    expect(await outbox.get('k')).toMatchObject({ state: 'pending', dueAt: 2_000, lastError: expect.stringMatching(/451|try again/) });
    expect((await outbox.problems()).map((m) => m.key)).toEqual(['k']);
    expect(await drainOutbox({ outbox, senders: { email: sender }, now: () => now, policy })).toEqual({ sent: 0, failed: 0 }); // not due
    now = 2_000;
    expect(await drainOutbox({ outbox, senders: { email: sender }, now: () => now, policy })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await outbox.problems()).toEqual([]);
  });
});
