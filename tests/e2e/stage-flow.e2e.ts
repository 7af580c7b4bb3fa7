/**
 * The stage in a real browser: an event with the longest title, 14 attendees (sockets) who ask, vote, answer
 * polls, play a quiz and sit in 12 breakout groups; the moderator puts every kind of item on air (from the
 * moderator page's buttons and by command). For each on-air state, at 1920×1080 and at 1280×720, the presenter
 * screen and the stream overlay are screenshotted into tests/e2e/screenshots (git-ignored) and checked: the page
 * does not scroll, every fitted box shows its whole content, the overlay is transparent outside its box (alpha 0
 * with omitBackground) and its box is inside the viewport at every position; the join QR decodes (jsQR) to the
 * join address; axe on presenter, overlay and the moderator's on-air panel.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudWords, LONG_AUTHOR, LONG_TITLE, longOptions, longResults, longText, MAX_QUESTION_LENGTH } from '../../client/stage/long-content.js';
import { POSITIONS } from '../../client/stage/overlay-params.js';
import type { OnAirItem, ScreenTarget } from '../../shared/stage/index.js';
import { connect, joinAttendee, tokenOf, type Client, type TestServer } from '../integration/helpers.js';
import { expectAccessible, pathOf, screenshotDir, startSession, type BrowserSession } from './harness.js';

const email = 'buehne@example.org';
const password = 'sicheres-passwort-3';
const WAIT = { timeout: 30_000 };
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

let session: BrowserSession;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  session = await startSession({ email, password });
  console.log(`screenshots: ${screenshotDir()}`);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await session?.close();
});

async function screenPage(path: string): Promise<Page> {
  const ctx = await session.browser.newContext({ viewport: SIZES[0], locale: 'de-DE' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (err) => console.error(`[page error ${path}]`, err.message));
  await page.goto(session.server.url + path);
  return page;
}

/** Waits until every fitted box has been measured and no animation runs, so screenshots show the settled picture. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll<HTMLElement>('.fit-box')].every((b) => b.dataset.fit) && document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    WAIT,
  );
  // one more frame for a refit after a late layout (word cloud, QR image)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

interface Layout {
  scrollHeight: number;
  scrollWidth: number;
  innerHeight: number;
  innerWidth: number;
  boxes: { name: string; fit: string | undefined; sh: number; ch: number; sw: number; cw: number }[];
}

async function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    boxes: [...document.querySelectorAll<HTMLElement>('.fit-box')].map((b) => ({
      name: b.className,
      fit: b.dataset.fit,
      sh: b.scrollHeight,
      ch: b.clientHeight,
      sw: b.scrollWidth,
      cw: b.clientWidth,
    })),
  }));
}

function expectFits(layout: Layout, what: string): void {
  expect(layout.scrollHeight, `${what}: page height`).toBeLessThanOrEqual(layout.innerHeight);
  expect(layout.scrollWidth, `${what}: page width`).toBeLessThanOrEqual(layout.innerWidth);
  for (const b of layout.boxes) {
    expect(b.fit, `${what}: ${b.name} fitted`).toBe('ok');
    expect(b.sh, `${what}: ${b.name} not clipped vertically`).toBeLessThanOrEqual(b.ch + 1);
    expect(b.sw, `${what}: ${b.name} not clipped horizontally`).toBeLessThanOrEqual(b.cw + 1);
  }
}

function save(name: string, png: Buffer): void {
  writeFileSync(join(screenshotDir(), `${name}.png`), png);
}

/** The overlay slot's box in CSS pixels, or null when nothing shows. */
async function slotRect(page: Page): Promise<{ left: number; top: number; right: number; bottom: number } | null> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="overlay-slot"]');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

/** Every pixel outside the rectangle (device pixels = CSS pixels here) is fully transparent; some inside are not. */
function expectTransparentOutside(png: Buffer, rect: { left: number; top: number; right: number; bottom: number } | null, what: string): void {
  const img = PNG.sync.read(png);
  let opaqueOutside = 0;
  let opaqueInside = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const alpha = img.data[(y * img.width + x) * 4 + 3]!;
      const inside = rect !== null && x >= Math.floor(rect.left) && x < Math.ceil(rect.right) && y >= Math.floor(rect.top) && y < Math.ceil(rect.bottom);
      if (alpha === 0) continue;
      if (inside) opaqueInside++;
      else opaqueOutside++;
    }
  }
  expect(opaqueOutside, `${what}: non-transparent pixels outside the overlay box`).toBe(0);
  if (rect) expect(opaqueInside, `${what}: the overlay box is drawn`).toBeGreaterThan(0);
}

function decodeQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

describe('stage screens end to end', () => {
  it('presenter screen and overlay show every kind of item, fitted at 1920×1080 and 1280×720', async () => {
    // ---- the event, over REST ----
    const orgCtx = await session.context('desktop');
    expect((await orgCtx.request.post(`${session.server.url}/api/auth/login`, { data: { email, password } })).status()).toBe(200);
    const created = await orgCtx.request.post(`${session.server.url}/api/events`, {
      data: {
        title: LONG_TITLE,
        format: 'broadcast',
        language: 'de',
        settings: { qa: { maxQuestionLength: MAX_QUESTION_LENGTH }, breakouts: { closingSec: 0 } },
      },
    });
    expect(created.status()).toBe(201);
    const event = (await created.json()) as { code: string; links: { moderator: string; facilitator: string; stage: string } };
    const joinUrl = `${session.server.url}/e/${event.code}`;
    const server = { url: session.server.url } as TestServer;

    // ---- staff and 14 attendees as sockets (the attendee pages have their own flows) ----
    const mod = await connect(server, { code: event.code, token: tokenOf(event.links.moderator) });
    const fac = await connect(server, { code: event.code, token: tokenOf(event.links.facilitator) });
    const people: Client[] = [];
    for (let i = 0; i < 14; i++) {
      const joined = await joinAttendee(server, event.code, i === 0 ? LONG_AUTHOR : `Person ${i + 1}`);
      people.push(await connect(server, { code: event.code, token: joined.token }));
    }
    const [asker, ...voters] = people as [Client, ...Client[]];

    // ---- the screens ----
    const stagePath = pathOf(event.links.stage);
    const presenter = await screenPage(stagePath);
    const overlayPath = stagePath.replace('/stage?', '/overlay?');
    const overlay = await screenPage(overlayPath);
    const modPage = await session.open('desktop', pathOf(event.links.moderator));

    const show = async (screen: ScreenTarget, item: OnAirItem, by: Client = mod) => by.ok('stage:show', { screen, item });

    /** Both sizes: settle, measure, screenshot; the overlay against a transparent background. */
    const check = async (name: string, opts: { overlayShows: boolean; qr?: boolean }) => {
      for (const size of SIZES) {
        await presenter.setViewportSize(size);
        await overlay.setViewportSize(size);
        await settle(presenter);
        await settle(overlay);
        const what = `${name} at ${size.width}×${size.height}`;
        expectFits(await layoutOf(presenter), `presenter ${what}`);
        expectFits(await layoutOf(overlay), `overlay ${what}`);
        const stageShot = await presenter.screenshot();
        save(`stage-${name}-${size.width}`, stageShot);
        if (opts.qr) expect(decodeQr(stageShot), `QR on the presenter screen, ${what}`).toBe(joinUrl);
        const overlayShot = await overlay.screenshot({ omitBackground: true });
        save(`overlay-${name}-${size.width}`, overlayShot);
        const rect = await slotRect(overlay);
        expect(rect !== null, `overlay shows something: ${what}`).toBe(opts.overlayShows);
        expectTransparentOutside(overlayShot, rect, `overlay ${what}`);
      }
    };

    // ---- nothing on air: how to join ----
    await presenter.getByText('Stellen Sie Ihre Fragen!').waitFor(WAIT);
    await presenter.getByRole('img', { name: /QR-Code zur Teilnahme/ }).waitFor(WAIT);
    await check('00-join', { overlayShows: false, qr: true });
    // the overlay has no scroll bars and no mouse cursor
    expect(await overlay.evaluate(() => [getComputedStyle(document.documentElement).overflow, getComputedStyle(document.body).cursor])).toEqual(['hidden', 'none']);
    await expectAccessible(presenter, 'presenter (join screen)');
    // Q hides and shows the QR code
    await presenter.keyboard.press('q');
    await presenter.getByRole('img', { name: /QR-Code zur Teilnahme/ }).waitFor({ state: 'detached', ...WAIT });
    await presenter.keyboard.press('q');
    await presenter.getByRole('img', { name: /QR-Code zur Teilnahme/ }).waitFor(WAIT);

    // ---- the longest allowed question, with the longest name, from the moderator page's buttons ----
    const text = longText(MAX_QUESTION_LENGTH);
    const asked = await asker.ok('qa:ask', { text });
    for (const v of voters.slice(0, 5)) await v.ok('qa:vote', { id: asked.question.id, up: true });
    const excerpt = `${text.slice(0, 39)}…`;
    const actions = modPage.getByRole('group', { name: `Auf Sendung bringen: ${excerpt}` });
    await actions.getByRole('button', { name: 'Auf die Leinwand' }).click();
    await presenter.getByText(text).waitFor(WAIT);
    await actions.getByRole('button', { name: 'Ins Stream-Overlay' }).click();
    await overlay.getByText(LONG_AUTHOR).waitFor(WAIT);
    await presenter.getByText('5 Stimmen').waitFor(WAIT);
    await check('10-question', { overlayShows: true, qr: true });
    // the join corner sits top right while something is on air
    const corner = (await presenter.getByTestId('stage-qr').boundingBox())!;
    expect(corner.x).toBeGreaterThan(1280 / 2);
    expect(corner.y + corner.height).toBeLessThan(720 / 3);
    await expectAccessible(presenter, 'presenter (question)');
    await expectAccessible(overlay, 'overlay (question)');
    // the panel's previews and queue; axe on the moderator page with the panel
    const panel = modPage.getByRole('region', { name: 'Auf Sendung' });
    await panel.getByText(`Frage: ${text.slice(0, 79)}…`).first().waitFor(WAIT);
    await expectAccessible(modPage, 'moderator page with the on-air panel');
    await modPage.screenshot({ path: join(screenshotDir(), 'stage-moderator-panel.png'), fullPage: true });

    // ---- the lower third fits at every position, scale 2, and stays transparent around it ----
    for (const position of POSITIONS) {
      const page = await screenPage(`${overlayPath}&position=${position}&scale=2`);
      await page.getByText(LONG_AUTHOR).waitFor(WAIT);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settle(page);
        const rect = await slotRect(page);
        expect(rect).not.toBeNull();
        expect(rect!.left).toBeGreaterThanOrEqual(0);
        expect(rect!.top).toBeGreaterThanOrEqual(0);
        expect(rect!.right).toBeLessThanOrEqual(size.width);
        expect(rect!.bottom).toBeLessThanOrEqual(size.height);
        expectFits(await layoutOf(page), `overlay ${position} at ${size.width}`);
        const png = await page.screenshot({ omitBackground: true });
        save(`overlay-position-${position}-${size.width}`, png);
        expectTransparentOutside(png, rect, `overlay ${position} at ${size.width}`);
      }
      await page.context().close();
    }

    // ---- a poll with 12 options with the longest labels ----
    const choiceQ = longText(300, 'Welche');
    const choice = (await mod.ok('polls:create', { definition: { type: 'single', question: choiceQ, options: longOptions } })).poll;
    await mod.ok('polls:open', { id: choice.id });
    for (const [i, p] of people.entries()) await p.ok('polls:answer', { pollId: choice.id, answer: { type: 'single', optionId: longOptions[i % 12]!.id } });
    const pollActions = modPage.getByRole('group', { name: `Auf Sendung bringen: ${choiceQ}` });
    await pollActions.getByRole('button', { name: 'Auf die Leinwand' }).click();
    await presenter.getByRole('heading', { name: choiceQ }).waitFor(WAIT);
    await pollActions.getByRole('button', { name: 'Ins Stream-Overlay' }).click();
    await overlay.getByRole('heading', { name: choiceQ }).waitFor(WAIT);
    await check('20-poll-12-options', { overlayShows: true });

    // ---- a word cloud of 40 words ----
    const cloud = (await mod.ok('polls:create', { definition: { type: 'wordcloud', question: 'Ein Wort für die Zukunft?', maxWords: 3 } })).poll;
    await mod.ok('polls:open', { id: cloud.id });
    const words = cloudWords.map((w) => w.text);
    for (const [i, p] of people.entries()) {
      const mine = words.slice(i * 3, i * 3 + 3);
      if (mine.length) await p.ok('polls:answer', { pollId: cloud.id, answer: { type: 'wordcloud', words: mine } });
    }
    await show('both', { kind: 'poll', pollId: cloud.id });
    await presenter.locator('.poll-cloud svg text').first().waitFor(WAIT);
    await overlay.locator('.poll-cloud svg text').first().waitFor(WAIT);
    // all 40 words find a place in the presenter's cloud (none left to the list only)
    await expect.poll(() => presenter.locator('.poll-cloud svg text').count(), WAIT).toBe(40);
    await check('30-wordcloud-40', { overlayShows: true });
    await expectAccessible(presenter, 'presenter (word cloud)');

    // ---- a quiz leaderboard ----
    const quiz = (
      await mod.ok('polls:create', {
        definition: {
          type: 'quiz',
          question: 'Hauptstädte Europas',
          questions: [{ id: 'q1', text: 'Hauptstadt von Frankreich?', kind: 'single', options: [{ id: 'a', text: 'Paris' }, { id: 'b', text: 'Berlin' }], correct: ['a'], timeLimitSec: 60 }],
        },
      })
    ).poll;
    await mod.ok('polls:open', { id: quiz.id });
    for (const [i, p] of people.entries()) await p.ok('polls:nickname', { pollId: quiz.id, nickname: `Spielerin Nummer ${i + 1} mit Namen`.slice(0, 24) });
    await mod.ok('polls:quizNext', { id: quiz.id });
    for (const [i, p] of people.entries()) await p.ok('polls:answer', { pollId: quiz.id, answer: { type: 'quiz', questionId: 'q1', optionIds: [i % 3 === 0 ? 'b' : 'a'] } });
    await mod.ok('polls:quizEndQuestion', { id: quiz.id });
    await mod.ok('polls:quizNext', { id: quiz.id });
    await show('both', { kind: 'leaderboard', pollId: quiz.id });
    await presenter.getByRole('region', { name: 'Endstand' }).waitFor(WAIT);
    await overlay.getByRole('region', { name: 'Endstand' }).waitFor(WAIT);
    await check('40-leaderboard', { overlayShows: true });

    // ---- a breakout round of 12 groups: countdown while it runs, results after ----
    const names = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${longText(56, 'Arbeitsgruppe')}`);
    const planned = await fac.ok('breakouts:plan', { groups: 12, names, durationSec: 600 });
    const roundId = planned.rounds[0]!.id;
    await fac.ok('breakouts:start', { roundId });
    // the facilitator puts the round on air from the round panel, and has the on-air panel on their page
    const facPage = await session.open('desktop', pathOf(event.links.facilitator));
    await facPage.getByRole('region', { name: 'Auf Sendung' }).waitFor(WAIT);
    const roundActions = facPage.getByRole('group', { name: 'Auf Sendung bringen: Runde 1' });
    await roundActions.getByRole('button', { name: 'Auf die Leinwand' }).click();
    await presenter.getByRole('timer').waitFor(WAIT);
    await roundActions.getByRole('button', { name: 'Ins Stream-Overlay' }).click();
    await expectAccessible(facPage, 'facilitator page with the on-air panel');
    await presenter.getByRole('timer').waitFor(WAIT);
    await overlay.getByRole('timer').waitFor(WAIT);
    await check('50-round-running', { overlayShows: true });
    const results = longResults(12, 400);
    for (let index = 0; index < 12; index++) await fac.ok('breakouts:editResult', { roundId, index, baseVersion: 0, text: results[index]! });
    await fac.ok('breakouts:close', { roundId, countdownSec: 0 });
    await presenter.getByRole('region', { name: /Ergebnisse aus Runde 1/ }).waitFor(WAIT);
    await overlay.getByRole('region', { name: /Ergebnisse aus Runde 1/ }).waitFor(WAIT);
    await check('60-round-results-12', { overlayShows: true });
    await expectAccessible(presenter, 'presenter (round results)');
    await expectAccessible(overlay, 'overlay (round results)');

    // ---- the join screen as an item: full on the presenter, a line in the overlay ----
    await show('both', { kind: 'join' });
    await presenter.getByText('Stellen Sie Ihre Fragen!').waitFor(WAIT);
    await overlay.getByText('Mitmachen unter').waitFor(WAIT);
    await check('70-join-item', { overlayShows: true, qr: true });

    // ---- off air: the overlay empties, the presenter shows how to join ----
    await mod.ok('stage:clear', { screen: 'both' });
    await overlay.locator('[data-testid="overlay-slot"]').waitFor({ state: 'detached', ...WAIT });
    await check('80-off-air', { overlayShows: false, qr: true });

    for (const c of [mod, fac, ...people]) c.close();
  }, 600_000);
});
