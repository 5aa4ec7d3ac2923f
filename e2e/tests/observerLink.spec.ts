import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addAgendaItem as addAgendaItemToDoc, MessageType, type MeetingView } from '@suishin/shared';
import { test, expect } from '../fixtures';
import { addAgendaItem, agendaTitles, createMeetingViaUi, expectLive, notesEditor, notesText, openItem, snapshot } from './helpers';

/** A sync Update frame (y-websocket protocol) adding an agenda item, built outside any browser. */
function forgedUpdateFrame(title: string): number[] {
  const doc = new Y.Doc();
  addAgendaItemToDoc(doc, { title });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, 2); // Update
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return [...encoding.toUint8Array(encoder)];
}

test('the facilitator shares an observer link; the observer follows live edits and cannot change anything', async ({ alice, browser, server }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Board review');
  const meetingId = new URL(url).pathname.split('/').pop()!;
  await addAgendaItem(alice.page, 'Quarterly numbers');
  await expect(alice.page.getByTestId('role-badge')).toHaveText(/Facilitator/);

  // Alice shares an observer link from the Share dialog.
  await alice.page.getByTestId('share-button').click();
  const dialog = alice.page.getByTestId('share-dialog');
  await dialog.getByRole('radio', { name: 'Observer' }).click();
  await dialog.getByTestId('create-link').click();
  const link = await dialog.getByTestId('share-link-url').inputValue();
  expect(link).toMatch(new RegExp(`/m/${meetingId}/join#token=s1\\.`));
  await snapshot(alice.page, testInfo, 'share-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Olivia opens it in a browser that has never been here: no session, no name yet.
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Join the meeting' })).toBeVisible();
  await expect(page.getByText('You were invited as Observer.')).toBeVisible();
  expect(page.url()).not.toContain('#token'); // the token left the address bar at once
  await page.getByRole('textbox', { name: 'Your name' }).fill('Olivia');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
  await expectLive(page);
  await expect(page.getByTestId('role-badge')).toHaveText(/Observer/);
  await expect(page.getByTestId('access-banner')).toContainText('you see every change live, but cannot edit');

  // Live: what Alice adds and writes shows up for Olivia.
  await addAgendaItem(alice.page, 'Hiring plan');
  await expect(agendaTitles(page)).toHaveText(['Quarterly numbers', 'Hiring plan']);
  await openItem(page, 2); // Olivia looks at the item Alice writes in
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Revenue is up 12%.');
  await expect.poll(() => notesText(page)).toBe('Revenue is up 12%.');
  // Olivia is present, under the name she chose.
  await alice.page.getByTestId('presence').getByRole('button').click();
  await expect(alice.page.getByTestId('peer').filter({ hasText: 'Olivia' })).toBeVisible();
  await alice.page.keyboard.press('Escape');

  // No controls to change anything: no new-item field, no facilitation, no sharing, read-only fields and notes.
  await expect(page.getByRole('textbox', { name: 'New agenda item' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start meeting' })).toHaveCount(0);
  await expect(page.getByTestId('share-button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove item' })).toHaveCount(0);
  await expect(notesEditor(page)).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByTestId('agenda-detail').getByRole('textbox').first()).toHaveAttribute('readonly', '');
  await notesEditor(page).click();
  await page.keyboard.type('zzz');
  await expect.poll(() => notesText(page)).toBe('Revenue is up 12%.');
  await snapshot(page, testInfo, 'observer-room');

  // A forced write: Olivia's own browser opens the sync socket with her session cookie and sends
  // an update. The server drops it and says why; nothing reaches Alice or the stored meeting.
  const reply = await page.evaluate(
    async ({ frame, path }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${path}`);
      ws.binaryType = 'arraybuffer';
      const denied = new Promise<string>((resolve, reject) => {
        ws.onmessage = (event) => {
          const bytes = new Uint8Array(event.data as ArrayBuffer);
          if (bytes[0] === 2 && bytes[1] === 0) resolve(new TextDecoder().decode(bytes.subarray(3, 3 + bytes[2]!)));
        };
        ws.onclose = (event) => reject(new Error(`closed ${event.code}`));
      });
      await new Promise((resolve) => (ws.onopen = resolve));
      ws.send(new Uint8Array(frame));
      ws.send(new Uint8Array([100, 7])); // save request 7: answered once everything before it was handled
      // An edit the server dropped is never confirmed: the save request gets saveFailed(reason), not saved(7).
      const answer = new Promise<string>((resolve) => {
        const previous = ws.onmessage;
        ws.onmessage = (event) => {
          previous?.call(ws, event);
          const bytes = new Uint8Array(event.data as ArrayBuffer);
          if (bytes[0] === 101 && bytes[1] === 7) resolve('saved');
          if (bytes[0] === 102) resolve(`saveFailed: ${new TextDecoder().decode(bytes.subarray(2, 2 + bytes[1]!))}`);
        };
      });
      const reason = await denied;
      const saveAnswer = await answer;
      ws.close();
      return `${reason}; ${saveAnswer}`;
    },
    { frame: forgedUpdateFrame('Forged by the observer'), path: `/sync/${meetingId}` },
  );
  expect(reply).toBe('read-only; saveFailed: read-only');
  await addAgendaItem(alice.page, 'After the forgery');
  await expect(agendaTitles(page)).toHaveText(['Quarterly numbers', 'Hiring plan', 'After the forgery']);
  await expect(agendaTitles(alice.page)).toHaveText(['Quarterly numbers', 'Hiring plan', 'After the forgery']);
  const stored = await alice.page.request.get(`/api/meetings/${meetingId}`);
  const view = (await stored.json()) as MeetingView;
  expect(view.agenda.map((item) => item.title)).toEqual(['Quarterly numbers', 'Hiring plan', 'After the forgery']);

  // The observer's session opens this meeting only.
  const list = await page.request.get('/api/meetings');
  expect(((await list.json()) as { meetings: { id: string }[] }).meetings.map((m) => m.id)).toEqual([meetingId]);
  await context.close();
});
