/**
 * The foundation flow in a real browser: an organizer creates an event, an attendee on a 360 px phone asks
 * in German, a moderator approves and highlights, the stage shows the question, a second attendee's upvote
 * reaches the moderator. Every page is checked with axe-core and photographed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pathOf, screenshotDir, shot, startSession, type BrowserSession, expectNoHorizontalScroll } from './harness.js';

const email = 'orga@example.org';
const password = 'sicheres-passwort-1';
const question = 'Wie fördert das Land die Digitalisierung kleiner Betriebe – gibt es Zuschüsse für Schulungen?';

let session: BrowserSession;
const open = (kind: 'phone' | 'desktop', path: string): Promise<Page> => session.open(kind, path);

beforeAll(async () => {
  session = await startSession({ email, password });
  console.log(`screenshots: ${screenshotDir()}`);
});

afterAll(async () => {
  await session?.close();
});

describe('live Q&A end to end', () => {
  it('organizer → attendee asks in German → moderator approves and highlights → stage shows it', async () => {
    // Organizer logs in and creates a pre-moderated event.
    const org = await open('desktop', '/login');
    await org.getByLabel('E-Mail').fill(email);
    await org.getByLabel('Passwort').fill(password);
    await org.getByRole('button', { name: 'Anmelden' }).click();
    await org.getByRole('heading', { name: 'Ihre Veranstaltungen' }).waitFor();
    await expectAccessible(org, 'dashboard');
    await shot(org, '01-dashboard');

    await org.getByRole('button', { name: 'Neue Veranstaltung' }).click();
    await org.getByLabel('Titel').fill('SmartBroadcast: Förderprogramme 2027');
    await org.getByLabel('Format').selectOption('broadcast');
    await org.getByLabel('Vorab-Moderation', { exact: false }).check();
    await shot(org, '02-create-event');
    await org.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await org.waitForURL(/\/dashboard\/events\//);
    await org.getByRole('heading', { name: 'SmartBroadcast: Förderprogramme 2027' }).waitFor();
    await expectAccessible(org, 'event detail');
    await shot(org, '03-event-detail');

    const list = (await (await org.context().request.get(`${session.server.url}/api/events`)).json()) as {
      code: string;
      links: { moderator: string; stage: string };
    }[];
    expect(list).toHaveLength(1);
    const event = list[0]!;
    expect(event.code).toMatch(/^\d{6}$/);
    
    // Attendee on a phone joins by typing the code.
    const att = await open('phone', '/');
    await expectAccessible(att, 'join page');
    await shot(att, '04-join');
    await att.getByRole('textbox').first().fill(event.code);
    await att.getByRole('button', { name: 'Beitreten' }).click();
    await att.waitForURL(new RegExp(`/e/${event.code}$`));
    const ask = att.getByLabel('Ihre Frage');
    await ask.waitFor();
    await ask.fill(question);
    await att.getByRole('button', { name: 'Frage senden' }).click();
    await att.getByText('Wartet auf Freigabe', { exact: true }).first().waitFor();
    await expectNoHorizontalScroll(att);
    await expectAccessible(att, 'attendee page');
    await shot(att, '05-attendee-asked');

    // Moderator approves, then puts it on stage.
    const mod = await open('desktop', pathOf(event.links.moderator));
    const card = mod.locator('li.mod-item', { hasText: question });
    await card.waitFor();
    await expectAccessible(mod, 'moderator page (incoming)');
    await shot(mod, '06-moderator-incoming');
    await card.getByRole('button', { name: 'Freigeben', exact: true }).click();
    await card.getByRole('button', { name: 'Auf die Bühne', exact: true }).click();
    await mod.locator('li.mod-item.is-on-stage', { hasText: question }).waitFor();
    await expectAccessible(mod, 'moderator page (on stage)');
    await shot(mod, '07-moderator-on-stage');

    // The attendee sees it go live and on stage without reloading.
    await att.getByText('Jetzt auf der Bühne').first().waitFor();
    await expect.poll(() => att.getByText('Wartet auf Freigabe', { exact: true }).count()).toBe(0);
    await shot(att, '08-attendee-on-stage');

    // The stage page shows the question in large type.
    const stage = await open('desktop', pathOf(event.links.stage));
    await stage.getByText(question).waitFor();
    expect(await stage.getByText(event.code).count()).toBeGreaterThan(0);
    await expectAccessible(stage, 'stage page');
    await shot(stage, '09-stage');

    // A second attendee joins by direct link and upvotes; the moderator sees the count.
    const att2 = await open('phone', `/e/${event.code}`);
    const upvote = att2.getByRole('button', { name: /Unterstützen/ }).first();
    await upvote.waitFor();
    await upvote.click();
    await expect.poll(() => upvote.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => mod.locator('li.mod-item', { hasText: question }).textContent()).toMatch(/1 Stimme/);
    await shot(att2, '10-second-attendee-voted');

    // A reload of the second attendee keeps the identity: still voted, not a second person.
    await att2.reload();
    const again = att2.getByRole('button', { name: /Unterstützen/ }).first();
    await again.waitFor();
    await expect.poll(() => again.getAttribute('aria-pressed')).toBe('true');
  });
});
