/**
 * Older answered questions in a real browser: 60 answered questions of the longest allowed text (the
 * snapshot carries the newest 50), the attendee on a 360 px phone and the moderator load the other 10
 * with "Ältere beantwortete Fragen laden (10 weitere)", by keyboard; axe-checked and photographed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectAccessible, organizerFixture, pathOf, screenshotDir, expectNoHorizontalScroll } from './harness.js';

const org = organizerFixture();
const rest = <T>(path: string, body?: unknown, method?: string) => org.rest<T>(path, { body, method });

/** The viewport only: the whole page of 60 questions of 2,000 characters is too tall to photograph. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`) });
}

/** The longest question text: 2,000 characters, long words included. */
const longest = (i: number) =>
  `Frage ${String(i).padStart(2, '0')}: ${'Donaudampfschifffahrtsgesellschaftskapitänsmütze und Förderprogramme für kleine Betriebe, '.repeat(25)}`.slice(0, 2000);

describe('older answered questions', () => {
  it('attendee (360 px) and moderator load the answered questions beyond the newest 50', async () => {
    const created = await rest<{ id: string; code: string; links: Record<string, string> }>('/api/events', {
      title: 'Archiv', format: 'talk', settings: { qa: { premoderation: false, maxQuestionLength: 2000 } },
    });
    expect(created.status).toBe(201);
    const ev = created.body;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await rest<{ question: { id: string } }>(`/api/events/${ev.id}/questions`, {
        text: longest(i), authorName: 'N'.repeat(80), label: 'L'.repeat(40), idempotencyKey: `k${i}`,
      });
      expect(r.status).toBe(201);
      ids.push(r.body.question.id);
    }
    const token = new URL(ev.links.moderator!).searchParams.get('token')!;
    const socket = await org.socket(ev.code, token);
    for (const action of ['approve', 'answer'] as const) {
      const ack = (await socket.timeout(10_000).emitWithAck('qa:bulk' as never, { ids, action } as never)) as { ok: boolean };
      expect(ack.ok).toBe(true);
    }

    const att = await org.session.open('phone', `/e/${ev.code}`);
    const tab = att.getByRole('button', { name: 'Beantwortet (60)' });
    await tab.waitFor();
    await tab.click();
    const list = att.getByRole('list', { name: 'Beantwortete Fragen' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(50);
    const more = att.getByRole('button', { name: 'Ältere beantwortete Fragen laden (10 weitere)' });
    await more.waitFor();
    await expectNoHorizontalScroll(att);
    await expectAccessible(att, 'attendee, answered with older ones to load');
    await more.focus();
    await shot(att, 'answered-01-attendee-more');
    await att.keyboard.press('Enter');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(60);
    expect(await att.getByRole('button', { name: /Ältere beantwortete Fragen/ }).count()).toBe(0);
    await expectNoHorizontalScroll(att);
    await shot(att, 'answered-02-attendee-all');

    const mod = await org.session.open('desktop', pathOf(ev.links.moderator!));
    await mod.getByLabel('Status').selectOption('answered');
    await expect.poll(() => mod.locator('li.mod-item').count()).toBe(50);
    const modMore = mod.getByRole('button', { name: 'Ältere beantwortete Fragen laden (10 weitere)' });
    await modMore.focus();
    await mod.keyboard.press('Enter');
    await expect.poll(() => mod.locator('li.mod-item').count()).toBe(60);
    await expectAccessible(mod, 'moderator, all answered loaded');
    await shot(mod, 'answered-03-moderator-all');
  }, 180_000);
});
