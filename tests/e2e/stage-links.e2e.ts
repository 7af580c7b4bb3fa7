/**
 * Role links, the speaker view and the broadcast embed in Chromium against a real server process:
 * - the stage, overlay and speaker pages send nothing but `sync:snapshot` (and the speaker `stage:speakerDone`),
 *   recorded from every Socket.IO frame and polling request the page sends;
 * - a page opened with another role's link says which link it got; the token leaves the address bar and is
 *   kept per event and role (reload, new tab); no token says "incomplete", a renewed link says "renewed";
 * - the speaker view at 360 px and on a tablet with the longest question, axe clean;
 * - a broadcast event's attendee page makes no request to YouTube before play, then embeds youtube-nocookie;
 * - frame headers on the real server.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, organizerFixture, pathOf, shot } from './harness.js';
import { cspDirective } from '../../server/http/frame-headers.js';

const LONGEST = `${'Wie stellen wir sicher, dass die Rückmeldungen aus allen Standorten gleich gewichtet werden – auch aus den kleinen? '.repeat(18)}`.slice(0, 1999) + '?';

const org = organizerFixture();
const { rest, socketFor } = org;

interface Created {
  id: string;
  code: string;
  links: { attendee: string; moderator: string; facilitator: string; stage: string; speaker: string };
}

async function createEvent(body: Record<string, unknown>): Promise<Created> {
  const res = await rest<Created>('/api/events', { body: { title: 'Stage Links', format: 'talk', ...body } });
  expect(res.status).toBe(201);
  return res.body;
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/**
 * Every event name a page emits over Socket.IO, from WebSocket frames and from polling POST bodies
 * (Engine.IO message `4` + Socket.IO EVENT `2`, optional namespace and ack id, then the JSON array).
 */
function recordEmits(page: Page): string[] {
  const names: string[] = [];
  const take = (payload: string) => {
    for (const packet of payload.split('\x1e')) {
      const m = /^42(?:\/[^,]*,)?\d*(\[.*)$/s.exec(packet);
      if (!m) continue;
      const [name] = JSON.parse(m[1]!) as [string];
      names.push(name);
    }
  };
  page.on('websocket', (ws) => ws.on('framesent', (frame) => typeof frame.payload === 'string' && take(frame.payload)));
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/socket.io/')) take(req.postData() ?? '');
  });
  return names;
}

async function newPage(ctx: BrowserContext, path: string): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (err) => console.error(`[page error ${path}]`, err.message));
  return page;
}

describe('link pages send no moderator command', () => {
  it('stage, overlay and speaker pages emit only sync:snapshot (and the speaker stage:speakerDone) while a moderator runs the show', async () => {
    const ev = await createEvent({ title: 'Bühne ohne Befehle', settings: { qa: { maxQuestionLength: 2000 } } });
    expect((await rest(`/api/events/${ev.id}`, { method: 'PATCH', body: { settings: { stage: { speakerMayAnswer: true } } } })).status).toBe(200);
    const joined = await rest<{ token: string }>(`/api/join/${ev.code}/attendees`, { body: {} });
    const attendee = await socketFor(ev.code, joined.body.token);
    const moderator = await socketFor(ev.code, tokenOf(ev.links.moderator));

    const ctx = await org.session.context('desktop');
    const pages = {
      stage: await newPage(ctx, 'stage'),
      overlay: await newPage(ctx, 'overlay'),
      speaker: await newPage(await org.session.context('phone'), 'speaker'),
    };
    const emitted = { stage: recordEmits(pages.stage), overlay: recordEmits(pages.overlay), speaker: recordEmits(pages.speaker) };
    await pages.stage.goto(org.session.server.url + pathOf(ev.links.stage));
    await pages.overlay.goto(org.session.server.url + pathOf(ev.links.stage).replace('/stage?', '/overlay?'));
    await pages.speaker.goto(org.session.server.url + pathOf(ev.links.speaker));
    await pages.speaker.getByText(/Noch keine Frage ausgewählt/).waitFor();

    const asked = await attendee('qa:ask', { text: 'Wann öffnet das neue Büro in Leipzig?' });
    expect(asked.ok).toBe(true);
    const first = (asked.question as { id: string }).id;
    const second = ((await attendee('qa:ask', { text: LONGEST })).question as { id: string }).id;
    expect((await moderator('qa:queue', { ids: [second] })).ok).toBe(true);
    expect((await moderator('qa:highlight', { id: first })).ok).toBe(true);
    expect((await moderator('stage:show', { screen: 'both', item: { kind: 'question', questionId: first } })).ok).toBe(true);

    // Every page shows it: nothing below passes because a page stayed empty.
    await pages.stage.getByText('Wann öffnet das neue Büro in Leipzig?').first().waitFor();
    await pages.overlay.getByText('Wann öffnet das neue Büro in Leipzig?').first().waitFor();
    const speaker = pages.speaker;
    await speaker.getByRole('region', { name: 'Jetzt' }).getByText('Wann öffnet das neue Büro in Leipzig?').waitFor();
    await speaker.getByRole('region', { name: /Als Nächstes/ }).getByText(LONGEST).waitFor();

    // The speaker marks it answered; the view follows.
    await speaker.getByRole('button', { name: 'Erledigt – als beantwortet markieren' }).click();
    await speaker.getByText('Als beantwortet markiert.').waitFor();
    // Answered: it leaves "now" (the server takes the highlight and the screens off it); the queue stays.
    await expect.poll(() => speaker.getByRole('region', { name: 'Jetzt' }).getByText('Wann öffnet das neue Büro in Leipzig?').count(), { timeout: 10_000 }).toBe(0);
    await speaker.getByRole('region', { name: /Als Nächstes/ }).getByText(LONGEST).waitFor();
    await expectAccessible(speaker, 'speaker view after done');

    for (const [name, list] of Object.entries(emitted)) {
      expect(list.length, `${name} emitted something`).toBeGreaterThan(0);
      const allowed = name === 'speaker' ? ['sync:snapshot', 'stage:speakerDone'] : ['sync:snapshot'];
      expect([...new Set(list)].filter((n) => !allowed.includes(n)), `${name} emitted ${list.join(', ')}`).toEqual([]);
    }
    expect(emitted.speaker).toContain('stage:speakerDone');
  });
});

describe('role links that behave', () => {
  it('another role’s link on a link page names both links; nothing of the event is shown', async () => {
    const ev = await createEvent({ title: 'Falscher Link' });
    const ctx = await org.session.context('desktop');
    const cases = [
      [`/e/${ev.code}/moderate?token=${tokenOf(ev.links.stage)}`, 'Das ist ein Bühnenlink; diese Seite braucht den Moderationslink.'],
      [`/e/${ev.code}/speaker?token=${tokenOf(ev.links.moderator)}`, 'Das ist ein Moderationslink; diese Seite braucht den Sprecherlink.'],
      [`/e/${ev.code}/facilitate?token=${tokenOf(ev.links.speaker)}`, 'Das ist ein Sprecherlink; diese Seite braucht den Facilitator-Link.'],
    ] as const;
    for (const [path, message] of cases) {
      const page = await newPage(ctx, path);
      await page.goto(org.session.server.url + path);
      await page.getByText(message).waitFor();
      expect(await page.getByRole('heading', { name: 'Falscher Link' }).count()).toBe(0);
      expect(new URL(page.url()).searchParams.has('token')).toBe(false);
      await expectAccessible(page, `refusal on ${path.split('?')[0]}`);
      await page.close();
    }
  });

  it('the token leaves the address bar and stays on the device: reload, a new tab; no token: incomplete; renewed: renewed', async () => {
    const ev = await createEvent({ title: 'Sprecher-Lesezeichen' });
    const ctx = await org.session.context('phone');
    const page = await newPage(ctx, 'speaker');
    await page.goto(org.session.server.url + pathOf(ev.links.speaker));
    await page.getByRole('heading', { name: 'Sprecher-Lesezeichen' }).waitFor();
    expect(page.url()).toBe(`${org.session.server.url}/e/${ev.code}/speaker`);
    await page.reload();
    await page.getByRole('heading', { name: 'Sprecher-Lesezeichen' }).waitFor();
    // A bookmark opened in a new tab: the address has no token.
    const tab = await newPage(ctx, 'speaker tab');
    await tab.goto(`${org.session.server.url}/e/${ev.code}/speaker`);
    await tab.getByRole('heading', { name: 'Sprecher-Lesezeichen' }).waitFor();
    await tab.close();

    // Another device (a fresh browser context) without the token: incomplete, not "renewed".
    const other = await newPage(await org.session.context('phone'), 'speaker elsewhere');
    await other.goto(`${org.session.server.url}/e/${ev.code}/speaker`);
    await other.getByText(/Dieser Link ist unvollständig/).waitFor();
    expect(await other.getByText(/erneuert/).count()).toBe(0);
    await shot(other, 'links-incomplete-360');

    // The organizer renews the link: the open page says so, and so does a reload with the stored old token.
    expect((await rest(`/api/events/${ev.id}/links/speaker/rotate`, { method: 'POST' })).status).toBe(200);
    await page.getByText(/Dieser Link wurde erneuert und gilt nicht mehr/).waitFor();
    // Twice: the first reload drops the refused token, the second has none stored and still says "renewed".
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await page.getByText(/Dieser Link wurde erneuert und gilt nicht mehr/).waitFor();
      expect(await page.getByText(/unvollständig/).count()).toBe(0);
    }
  });
});

describe('a renewed link stored on the organizer’s own device', () => {
  it('is dropped: the organizer’s session gets in on the moderation page instead of "renewed"', async () => {
    const ev = await createEvent({ title: 'Organisatorin testet den Link' });
    const ctx = await org.session.context('desktop');
    const page = await newPage(ctx, 'moderate');
    // Tried the moderator link on this browser, then renewed it because it leaked.
    await page.goto(org.session.server.url + pathOf(ev.links.moderator));
    await page.getByRole('heading', { name: 'Organisatorin testet den Link' }).waitFor();
    expect((await rest(`/api/events/${ev.id}/links/moderator/rotate`, { method: 'POST' })).status).toBe(200);
    await page.getByText(/Dieser Link wurde erneuert/).waitFor();
    // Signs in and opens the moderation from the event page (no token in the address).
    const login = await page.request.post(`${org.session.server.url}/api/auth/login`, { data: org.organizer });
    expect(login.status()).toBe(200);
    await page.goto(`${org.session.server.url}/e/${ev.code}/moderate`);
    await page.getByRole('heading', { name: 'Organisatorin testet den Link' }).waitFor();
    expect(await page.getByText(/erneuert|unvollständig/).count()).toBe(0);
    expect(await page.evaluate((code) => localStorage.getItem(`plenum.token.moderator.${code}`), ev.code)).not.toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });
});

describe('speaker view', () => {
  it('fits 360 px and a tablet with the longest question, axe clean', async () => {
    const ev = await createEvent({ title: 'Sprecheransicht mit der längsten Frage', settings: { qa: { maxQuestionLength: 2000 } } });
    await rest(`/api/events/${ev.id}`, { method: 'PATCH', body: { settings: { stage: { speakerMayAnswer: true } } } });
    const attendee = await socketFor(ev.code, (await rest<{ token: string }>(`/api/join/${ev.code}/attendees`, { body: {} })).body.token);
    const moderator = await socketFor(ev.code, tokenOf(ev.links.moderator));
    const ids: string[] = [];
    for (const text of [LONGEST, `${LONGEST.slice(0, 1990)} – zwei?`, 'Kurz: wann?']) ids.push(((await attendee('qa:ask', { text })).question as { id: string }).id);
    await moderator('qa:queue', { ids: ids.slice(1) });
    await moderator('qa:highlight', { id: ids[0] });
    for (const [kind, size] of [['phone', null], ['tablet', { width: 820, height: 1180 }], ['tablet-landscape', { width: 1180, height: 820 }]] as const) {
      const ctx = await org.session.context(kind === 'phone' ? 'phone' : 'desktop');
      const page = await newPage(ctx, kind);
      if (size) await page.setViewportSize(size);
      await page.goto(org.session.server.url + pathOf(ev.links.speaker));
      await page.getByRole('region', { name: 'Jetzt' }).getByText(LONGEST).waitFor();
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, kind).toBeLessThanOrEqual(client);
      const button = page.getByRole('button', { name: 'Erledigt – als beantwortet markieren' });
      expect((await button.boundingBox())!.width, kind).toBeLessThanOrEqual(client);
      await expectAccessible(page, `speaker ${kind}`);
      await shot(page, `speaker-${kind}`);
    }
  });
});

describe('broadcast embed', () => {
  const YOUTUBE = /(^|\.)(youtube\.com|youtube-nocookie\.com|ytimg\.com|googlevideo\.com|ggpht\.com|youtu\.be)$/;

  it('no request to YouTube before play; after it the youtube-nocookie player (request blocked here)', async () => {
    const ev = await createEvent({ title: 'SmartBroadcast live', format: 'broadcast' });
    const patched = await rest(`/api/events/${ev.id}`, { method: 'PATCH', body: { settings: { youtube: { url: 'https://www.youtube.com/watch?v=LiveVideo01' } } } });
    expect(patched.status).toBe(200);

    for (const kind of ['phone', 'desktop'] as const) {
      const ctx = await org.session.context(kind);
      const youtube: string[] = [];
      await ctx.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (YOUTUBE.test(host)) {
          youtube.push(route.request().url());
          return route.abort();
        }
        return route.continue();
      });
      const page = await newPage(ctx, 'attendee');
      await page.goto(`${org.session.server.url}/e/${ev.code}`);
      const play = page.getByRole('button', { name: 'Live-Übertragung abspielen' });
      await play.waitFor();
      await page.getByLabel('Ihre Frage').waitFor();
      await page.waitForLoadState('networkidle');
      expect(youtube, `${kind}: requests before play`).toEqual([]);
      expect(await page.locator('iframe').count()).toBe(0);
      await expectAccessible(page, `broadcast poster ${kind}`);

      // Beside the Q&A on wide screens, above it on phones.
      const video = (await page.locator('.attendee-video').boundingBox())!;
      const ask = (await page.getByLabel('Ihre Frage').boundingBox())!;
      if (kind === 'phone') expect(video.y + video.height).toBeLessThanOrEqual(ask.y);
      else {
        expect(video.x + video.width).toBeLessThanOrEqual(ask.x);
        expect(video.y).toBeLessThan(ask.y + ask.height);
      }
      await shot(page, `broadcast-poster-${kind}`);

      await play.click();
      const frame = page.locator('iframe');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/LiveVideo01?autoplay=1');
      await expect.poll(() => youtube.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/LiveVideo01')), { timeout: 10_000 }).toBe(true);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll).toBeLessThanOrEqual(client);
    }
  });

  it('a talk event shows the meeting button named after the service', async () => {
    const ev = await createEvent({ title: 'Vortrag mit Jitsi', format: 'talk' });
    await rest(`/api/events/${ev.id}`, { method: 'PATCH', body: { settings: { stage: { meetingUrl: 'https://meet.jit.si/PlenumVortrag' } } } });
    const page = await org.session.open('phone', `/e/${ev.code}`);
    const link = page.getByRole('link', { name: /Der Videokonferenz beitreten \(Jitsi\)/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://meet.jit.si/PlenumVortrag');
    await expectAccessible(page, 'meeting button');
  });
});

describe('frame headers on the real server', () => {
  it('pages refuse frames; the overlay may be framed', async () => {
    for (const path of ['/', '/e/123456', '/e/123456/moderate', '/e/123456/stage', '/e/123456/speaker', '/dashboard']) {
      const res = await fetch(org.session.server.url + path);
      expect(cspDirective(res.headers.get('content-security-policy'), 'frame-ancestors'), path).toBe("'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const overlay = await fetch(`${org.session.server.url}/e/123456/overlay?position=top-right`);
    expect(cspDirective(overlay.headers.get('content-security-policy'), 'frame-ancestors')).toBe('*');
    expect(overlay.headers.get('x-frame-options')).toBeNull();
  });
});
