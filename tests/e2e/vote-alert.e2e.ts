/**
 * The vote alert (ballot stuffing, docs/security.md) in a real browser: fresh identities minted by a script
 * upvote the longest allowed question; the moderator page on a 360 px phone and on the desktop shows the
 * badge and its explanation without horizontal scrolling and passes axe; "discount these votes" drops the
 * count on an attendee's phone too, and the attendee page never shows the alert.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, organizerFixture, pathOf, shot, expectNoHorizontalScroll } from './harness.js';

const LONGEST = `${'Wie stellen wir sicher, dass die Rückmeldungen aus allen Standorten gleich gewichtet werden – auch aus den kleinen? '.repeat(18)}`.slice(0, 1999) + '?';
const BOTS = 12;

const org = organizerFixture();
const { socketFor } = org;
const rest = <T>(path: string, body?: unknown) => org.rest<T>(path, { body });

describe('vote alert in the browser', () => {
  it('a burst of minted identities flags the longest question to the moderator (phone and desktop); discounting drops the count for attendees', async () => {
    const created = await rest<{ code: string; links: { moderator: string } }>('/api/events', {
      title: 'Bürgerdialog: Förderprogramme für kleine und mittlere Unternehmen 2027',
      format: 'talk',
      settings: { qa: { maxQuestionLength: 2000, voteAlertVotes: 10 } },
    });
    expect(created.status).toBe(201);
    const ev = created.body;
    const join = async () => (await rest<{ token: string }>(`/api/join/${ev.code}/attendees`, {})).body.token;
    const author = await socketFor(ev.code, await join());
    const asked = await author('qa:ask', { text: LONGEST });
    expect(asked.ok).toBe(true);
    const id = asked.question.id as string;

    // An attendee on a phone watches the count.
    const att = await org.session.open('phone', `/e/${ev.code}`);
    await att.getByText(LONGEST.slice(0, 40), { exact: false }).first().waitFor();

    const bots = [];
    for (let i = 0; i < BOTS; i++) bots.push(await socketFor(ev.code, await join()));
    const acks = await Promise.all(bots.map((vote) => vote('qa:vote', { id, up: true })));
    expect(acks.every((a) => a.ok && a.voted)).toBe(true);

    await att.getByRole('button', { name: `Unterstützen, ${BOTS} Stimmen` }).waitFor();

    for (const kind of ['phone', 'desktop'] as const) {
      const mod = await org.session.open(kind, pathOf(ev.links.moderator));
      const card = mod.locator('li.mod-item', { hasText: LONGEST.slice(0, 40) });
      await card.locator('.badge-vote-alert', { hasText: 'Auffällige Stimmen' }).waitFor();
      const notice = card.getByRole('group', { name: 'Auffällige Stimmen: viele neue Teilnehmende in kurzer Zeit' });
      await expect.poll(() => notice.textContent()).toMatch(`${BOTS} Stimmen von Teilnehmenden, die höchstens 5 Minuten vor ihrer Stimme beigetreten sind.`);
      expect(await notice.textContent()).toContain(`${BOTS} davon sind über dieselbe Adresse beigetreten.`);
      await expectNoHorizontalScroll(mod);
      // The notice and its buttons fit the card (nothing cut off at 360 px).
      const box = await notice.boundingBox();
      const page = mod.viewportSize()!;
      expect(box!.x + box!.width).toBeLessThanOrEqual(page.width);
      await notice.scrollIntoViewIfNeeded();
      await expectAccessible(mod, `moderator page with a vote alert (${kind})`);
      await shot(mod, `vote-alert-${kind}`);
      if (kind === 'desktop') {
        await notice.getByRole('button', { name: 'Diese Stimmen nicht zählen' }).click();
        await card.getByText(`${BOTS} Stimmen entfernen? Die Zahl sinkt für alle.`).waitFor();
        await expectAccessible(mod, 'moderator page asking to discount');
        await card.getByRole('button', { name: 'Ja, entfernen' }).click();
        await card.getByText(`${BOTS} Stimmen entfernt.`).waitFor();
        await expect.poll(() => card.locator('.badge-vote-alert').count()).toBe(0);
        await shot(mod, 'vote-alert-discounted');
      }
    }
    // The attendee's count dropped from BOTS to 0; the attendee page never showed the alert.
    await att.getByRole('button', { name: 'Unterstützen, 0 Stimmen' }).waitFor();
    await expect.poll(() => att.locator('.badge-vote-alert, .vote-alert').count()).toBe(0);
    expect(await att.getByText('Auffällige Stimmen').count()).toBe(0);
    await expectNoHorizontalScroll(att);
  });
});
