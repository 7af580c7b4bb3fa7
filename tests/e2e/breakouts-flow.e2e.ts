/**
 * A breakout round in a real browser: a facilitator and three attendees on phones. The facilitator plans
 * groups, starts the round; attendees see their group, video link and countdown, get a broadcast, ask for
 * help, write the group result together (nothing lost), survive a reload, are called back; the stage shows
 * the results. axe-core runs on the panel, the group card and the stage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pathOf, screenshotDir, shot, startSession, type BrowserSession } from './harness.js';

const email = 'facil@example.org';
const password = 'sicheres-passwort-2';
const names = ['Anna Berger', 'Ben Schulz', 'Cara Yilmaz'] as const;

let session: BrowserSession;
const open = (kind: 'phone' | 'desktop', path: string): Promise<Page> => session.open(kind, path);

beforeAll(async () => {
  session = await startSession({ email, password });
});

afterAll(async () => {
  await session?.close();
});

describe('breakout round end to end', () => {
  it('facilitator plans and runs a round with three attendees', async () => {
    // The organizer creates a SmartSpace over REST (the UI path is covered by the Q&A flow).
    const orgCtx = await session.context('desktop');
    expect((await orgCtx.request.post(`${session.server.url}/api/auth/login`, { data: { email, password } })).status()).toBe(200);
    const created = await orgCtx.request.post(`${session.server.url}/api/events`, {
      data: { title: 'SmartSpace: KI im Handwerk', format: 'space', language: 'de' },
    });
    expect(created.status()).toBe(201);
    const event = (await created.json()) as { code: string; links: { facilitator: string; stage: string } };
    
    // Three attendees join on phones and give their names.
    const attendees: Page[] = [];
    for (const name of names) {
      const page = await open('phone', `/e/${event.code}`);
      await page.getByRole('button', { name: 'Namen angeben' }).click();
      await page.getByLabel('Ihr Name (optional)').fill(name);
      await page.getByRole('button', { name: 'Namen speichern' }).click();
      await page.getByText(`Sie nehmen teil als ${name}.`).waitFor();
      attendees.push(page);
    }

    // The facilitator sees them in the plenary and plans groups of at most 2.
    const fac = await open('desktop', pathOf(event.links.facilitator));
    await fac.getByText('3 von 3 online').waitFor();
    await fac.getByLabel('Personen pro Gruppe (höchstens)').fill('2');
    await fac.getByRole('radio', { name: /^Mischen/ }).check();
    await fac.getByLabel('Vorlage für Video-Links').fill('https://meet.jit.si/plenum-{event}-{round}-{group}');
    await fac.getByLabel('Dauer pro Runde (Minuten)').fill('10');
    await fac.getByRole('button', { name: 'Gruppen planen' }).click();
    await fac.getByText('Niemand trifft jemanden zum zweiten Mal.').waitFor();
    await expectAccessible(fac, 'facilitator panel (draft)');
    await shot(fac, '20-facilitator-draft');
    await fac.getByRole('button', { name: 'Runde starten' }).click();

    // Every attendee sees their group with the video link and the countdown.
    const groupOf = new Map<Page, string>();
    for (const page of attendees) {
      const video = page.getByRole('link', { name: /Zum Video-Raum/ });
      await video.waitFor();
      const href = await video.getAttribute('href');
      expect(href).toMatch(new RegExp(`^https://meet\\.jit\\.si/plenum-${event.code}-1-[12]$`));
      groupOf.set(page, href!);
      await page.getByText('Verbleibende Zeit').first().waitFor();
    }
    const hrefs = [...groupOf.values()];
    expect(new Set(hrefs).size).toBe(2); // 3 people, at most 2 per group → two groups
    const [pairA, pairB] = attendees.filter((p) => hrefs.filter((h) => h === groupOf.get(p)).length === 2);
    expect(pairA && pairB).toBeTruthy();
    await expectAccessible(pairA!, 'attendee group card');
    await shot(pairA!, '21-attendee-group-card');

    // A broadcast reaches everyone.
    await fac.getByLabel('Nachricht an alle Gruppen').fill('Bitte notieren Sie drei Ideen.');
    await fac.getByRole('button', { name: 'Nachricht senden' }).click();
    for (const page of attendees) await page.getByText('Bitte notieren Sie drei Ideen.').first().waitFor();

    // Help from a group reaches the facilitator, who resolves it.
    await pairA!.getByRole('button', { name: 'Hilfe anfordern' }).click();
    await pairA!.getByText('Hilfe ist unterwegs', { exact: false }).waitFor();
    const resolve = fac.getByRole('button', { name: /^Als erledigt markieren/ });
    await resolve.waitFor();
    await shot(fac, '22-facilitator-help');
    await resolve.click();

    // Two members type into the group result at the same moment; both contributions survive.
    const resultA = pairA!.getByLabel('Ergebnis der Gruppe');
    const resultB = pairB!.getByLabel('Ergebnis der Gruppe');
    await Promise.all([resultA.fill('Idee von A: Förderberatung vor Ort'), resultB.fill('Idee von B: KI-Sprechstunde')]);
    for (const box of [resultA, resultB]) {
      await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toContain('Idee von A: Förderberatung vor Ort');
      await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toContain('Idee von B: KI-Sprechstunde');
    }
    await shot(pairB!, '23-attendee-shared-result');

    // A reload puts the attendee back into the same group with the timer running.
    await pairA!.reload();
    const videoAgain = pairA!.getByRole('link', { name: /Zum Video-Raum/ });
    await videoAgain.waitFor();
    expect(await videoAgain.getAttribute('href')).toBe(groupOf.get(pairA!));
    await expect.poll(() => pairA!.getByLabel('Ergebnis der Gruppe').inputValue()).toContain('Idee von B');

    // The facilitator closes with a short countdown; everyone is back in the plenary.
    await fac.getByLabel('Countdown bis zur Rückkehr (Sekunden)').fill('2');
    await fac.getByRole('button', { name: 'Runde beenden' }).click();
    for (const page of attendees) {
      await expect.poll(() => page.getByRole('link', { name: /Zum Video-Raum/ }).count(), { timeout: 15_000 }).toBe(0);
      await page.getByLabel('Ihre Frage').waitFor();
    }

    // Results go on the stage.
    await fac.getByRole('checkbox', { name: 'Ergebnisse auf der Bühne zeigen' }).check();
    const stage = await open('desktop', pathOf(event.links.stage));
    await stage.getByText('Ergebnisse aus Runde 1').waitFor();
    await stage.getByText('Idee von A: Förderberatung vor Ort', { exact: false }).waitFor();
    await expectAccessible(stage, 'stage results');
    await shot(stage, '24-stage-results');
    await shot(fac, '25-facilitator-closed');
  });
});
