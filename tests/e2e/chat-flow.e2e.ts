/**
 * SmartBroadcast with the YouTube chat (issue 10), against the fake YouTube API: the organizer links the
 * broadcast on the event page; a question typed in the YouTube chat reaches the moderator's review queue
 * (badge YouTube, the author's name) and the side panel; the moderator approves it and puts it on stage;
 * an attendee on a 360 px phone typing a similar question is offered the existing one to upvote.
 * axe-core runs on the event page, the moderator page with the chat panel, and the attendee form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FakeYoutube, startFakeYoutube } from '../fakes/youtube.js';
import { expectAccessible, pathOf, shot, startSession, type BrowserSession } from './harness.js';

const email = 'broadcast@example.org';
const password = 'sicheres-passwort-3';
const VIDEO = 'LiveVideo01';
const CHAT = 'chat-e2e';
const question = 'Wird die Session aufgezeichnet und später geteilt?';

let yt: FakeYoutube;
let session: BrowserSession;
const open = (kind: 'phone' | 'desktop', path: string): Promise<Page> => session.open(kind, path);

beforeAll(async () => {
  yt = await startFakeYoutube({ pollingIntervalMillis: 1000 });
  yt.liveVideo(VIDEO, CHAT);
  session = await startSession({ email, password }, { YOUTUBE_API_KEY: yt.apiKey, YOUTUBE_API_BASE: yt.base, YOUTUBE_MIN_POLL_MS: '1000' });
});

afterAll(async () => {
  await session?.close();
  await yt?.close();
});

describe('YouTube chat → moderation → stage, and duplicates offered to attendees', () => {
  it('runs the SmartBroadcast flow', async () => {
    const orgCtx = await session.context('desktop');
    expect((await orgCtx.request.post(`${session.server.url}/api/auth/login`, { data: { email, password } })).status()).toBe(200);
    const created = await orgCtx.request.post(`${session.server.url}/api/events`, {
      data: { title: 'SmartBroadcast: Zukunft der Arbeit', format: 'broadcast', language: 'de' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const event = (await created.json()) as { id: string; code: string; links: { moderator: string; stage: string } };

    // The organizer links the broadcast on the event page.
    const org = await orgCtx.newPage();
    await org.goto(`${session.server.url}/dashboard/events/${event.id}`);
    await org.getByLabel('Adresse der Übertragung').fill(`https://www.youtube.com/watch?v=${VIDEO}`);
    await org.getByLabel('Fragen aus dem Chat übernehmen').selectOption('question-mark');
    // The page has several settings cards, each with its own "Speichern": the one of the YouTube form.
    const youtubeForm = org.locator('form', { has: org.getByLabel('Adresse der Übertragung') });
    await youtubeForm.getByRole('button', { name: 'Speichern', exact: true }).click();
    await org.getByText('Einstellungen gespeichert.').waitFor();
    await expectAccessible(org, 'event page with YouTube settings');

    // A viewer asks in the YouTube chat; the moderator sees it in review and in the side panel.
    yt.say(CHAT, question, FakeYoutube.author('Anna aus Köln'));
    yt.say(CHAT, 'Hallo aus Hamburg!');
    const mod = await open('desktop', pathOf(event.links.moderator));
    const card = mod.locator('li.mod-item', { hasText: question });
    await card.waitFor({ timeout: 15_000 });
    await card.getByText('YouTube', { exact: true }).waitFor();
    await card.getByText('Anna aus Köln').first().waitFor();
    await mod.getByText('Verbunden').waitFor();
    await mod.locator('.chat-msg', { hasText: 'Hallo aus Hamburg!' }).waitFor();
    await expectAccessible(mod, 'moderator page with the YouTube panel');
    await shot(mod, '30-moderator-youtube');

    // Approve and put on stage.
    await card.getByRole('button', { name: 'Freigeben', exact: true }).click();
    await card.getByRole('button', { name: 'Auf die Bühne', exact: true }).click();
    await mod.locator('li.mod-item.is-on-stage', { hasText: question }).waitFor();
    const stage = await open('desktop', pathOf(event.links.stage));
    await stage.getByText(question).waitFor();

    // An attendee on a phone types a similar question and is offered the existing one.
    const att = await open('phone', `/e/${event.code}`);
    const ask = att.getByLabel('Ihre Frage');
    await ask.waitFor();
    await ask.fill('Wird die Session später aufgezeichnet?');
    const similar = att.locator('section.similar');
    await similar.getByText('Schon gefragt? Stattdessen unterstützen').waitFor();
    await similar.getByText(question).waitFor();
    const width = await att.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await expectAccessible(att, 'attendee form with suggestions');
    await shot(att, '31-attendee-similar');
    const upvote = similar.getByRole('button').first();
    await upvote.click();
    await expect.poll(() => upvote.getAttribute('aria-pressed')).toBe('true');
  }, 90_000);
});
