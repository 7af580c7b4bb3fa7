/**
 * Privacy in a real browser (docs/privacy.md): an attendee on a 360 px phone answers a poll whose options
 * have the longest allowed text and asks a question; then deletes the answer ("Antwort löschen") and the
 * question ("Löschen"), each behind a confirmation, by keyboard; both are gone from the moderator page
 * (the poll's count back to 0, the question card and its text gone). axe-core on the attendee page with
 * the confirmation open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { POLL_LIMITS } from '../../shared/polls/index.js';
import { expectAccessible, pathOf, screenshotDir, shot, startSession, type BrowserSession, expectNoHorizontalScroll } from './harness.js';

const email = 'orga@example.org';
const password = 'sicheres-passwort-1';
const WAIT = { timeout: 30_000 };
const question = 'Werden meine Fragen nach der Veranstaltung gespeichert oder kann ich sie selbst löschen?';
const pollQ = 'Welche Förderung ist Ihnen am wichtigsten?';
const longOption = (n: number) => `${n} ${'Förderprogrammlangwort'.repeat(10)}`.slice(0, POLL_LIMITS.optionMax);

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession({ email, password });
  console.log(`screenshots: ${screenshotDir()}`);
});

afterAll(async () => {
  await session?.close();
});

describe('attendees delete their own data', () => {
  it('a poll answer and a question deleted on the phone are gone from the moderator page', async () => {
    const orgCtx = await session.context('desktop');
    expect((await orgCtx.request.post(`${session.server.url}/api/auth/login`, { data: { email, password } })).status()).toBe(200);
    const created = await orgCtx.request.post(`${session.server.url}/api/events`, { data: { title: 'Datenschutz im Dialog', format: 'broadcast', language: 'de' } });
    expect(created.status()).toBe(201);
    const event = (await created.json()) as { code: string; links: { moderator: string } };

    const att = await session.open('phone', `/e/${event.code}`);
    const mod = await session.open('desktop', pathOf(event.links.moderator));
    await mod.getByText('1 Person anwesend').waitFor(WAIT);

    // The moderator opens a single-choice poll with options of the longest allowed text.
    const panel = mod.locator('.polls-mod');
    await panel.getByRole('button', { name: 'Neue Umfrage' }).click();
    await panel.getByLabel('Art der Umfrage').selectOption('single');
    await panel.getByLabel('Frage', { exact: true }).fill(pollQ);
    await panel.getByRole('textbox', { name: 'Option 1', exact: true }).fill(longOption(1));
    await panel.getByRole('textbox', { name: 'Option 2', exact: true }).fill(longOption(2));
    await panel.getByRole('button', { name: 'Speichern', exact: true }).click();
    const card = mod.getByRole('article', { name: pollQ, exact: true });
    await card.getByRole('button', { name: 'Öffnen' }).click();

    // The attendee answers and asks.
    const poll = att.locator('.polls-attendee').getByRole('article', { name: pollQ, exact: true });
    await poll.waitFor(WAIT);
    await poll.getByRole('radio', { name: longOption(2) }).check();
    await poll.getByRole('button', { name: 'Absenden' }).click();
    await poll.getByText('Ihre Antwort ist gespeichert.').waitFor(WAIT);
    await card.getByText('1 von 1 Anwesenden hat geantwortet').waitFor(WAIT);

    await att.getByLabel('Ihre Frage').fill(question);
    await att.getByRole('button', { name: 'Frage senden' }).click();
    const modQuestion = mod.locator('li.mod-item', { hasText: question });
    await modQuestion.waitFor(WAIT);

    // Delete the answer, by keyboard, behind a confirmation.
    const retract = att.locator('.polls-attendee').getByRole('button', { name: 'Antwort löschen' });
    await retract.focus();
    await att.keyboard.press('Enter');
    await att.getByText('Ihre Antwort löschen? Sie wird aus dem Ergebnis entfernt.').waitFor(WAIT);
    await expectNoHorizontalScroll(att);
    await expectAccessible(att, 'attendee page (delete answer confirmation)');
    await shot(att, '60-attendee-delete-answer');
    await att.keyboard.press('Enter'); // the confirm button has the focus
    await att.getByText('Ihre Antwort wurde gelöscht.').waitFor(WAIT);
    await card.getByText('0 von 1 Anwesenden haben geantwortet').waitFor(WAIT);
    await expect.poll(() => poll.getByRole('radio', { name: longOption(2) }).isChecked()).toBe(false);

    // Delete the question.
    const own = att.locator('li.q-item.is-mine', { hasText: question });
    await own.getByRole('button', { name: 'Löschen', exact: true }).click();
    await own.getByRole('button', { name: 'Ja, löschen' }).click();
    await expect.poll(() => modQuestion.count(), WAIT).toBe(0);
    await expect.poll(() => att.getByText(question).count(), WAIT).toBe(0);
    expect(await mod.content()).not.toContain(question);
    await shot(mod, '61-moderator-after-deletion');

    // A reload of the moderator page (fresh snapshot) shows neither.
    await mod.reload();
    await mod.getByRole('article', { name: pollQ, exact: true }).getByText('0 von 1 Anwesenden haben geantwortet').waitFor(WAIT);
    expect(await mod.getByText(question).count()).toBe(0);
  });
});
