/**
 * Live polls in a real browser: a moderator creates a word cloud in the editor and imports a ranking and a
 * two-question quiz, runs them one after another with two attendees on 360 px phones, and the stage shows
 * each result (cloud, Borda ranking, quiz review and leaderboard). axe-core on the attendee poll view, the
 * moderator polls panel and the stage poll result; screenshots into tests/e2e/screenshots. Every wait is on
 * visible state (no sleeps), so a busy machine only makes it slower.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { POLL_LIMITS } from '../../shared/polls/index.js';
import { expectAccessible, pathOf, screenshotDir, shot, startSession, type BrowserSession, expectNoHorizontalScroll } from './harness.js';

const email = 'orga@example.org';
const password = 'sicheres-passwort-1';
const WAIT = { timeout: 30_000 };

const importText = [
  '[ranking] Was ist Ihnen bei Förderprogrammen am wichtigsten?',
  '- Höhe der Förderung',
  '- Einfacher Antrag',
  '- Schnelle Auszahlung',
  '',
  '[quiz] Hauptstädte Europas',
  '? Hauptstadt von Frankreich? (30 s)',
  '- Berlin',
  '* Paris',
  '? Hauptstadt von Italien? (30 s)',
  '* Rom',
  '- Mailand',
].join('\n');

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession({ email, password });
  console.log(`screenshots: ${screenshotDir()}`);
});

afterAll(async () => {
  await session?.close();
});

/** The moderator's card of one poll (an article labelled by its question). */
const card = (mod: Page, question: string): Locator => mod.getByRole('article', { name: question, exact: true });
/** One attendee's poll (the answer form's article) or quiz. */
const pollOf = (att: Page, question: string): Locator => att.locator('.polls-attendee').getByRole('article', { name: question, exact: true });

describe('live polls end to end', () => {
  it('word cloud, ranking and a two-question quiz with two phone attendees; the stage shows each result', async () => {
    const orgCtx = await session.context('desktop');
    expect((await orgCtx.request.post(`${session.server.url}/api/auth/login`, { data: { email, password } })).status()).toBe(200);
    const created = await orgCtx.request.post(`${session.server.url}/api/events`, {
      data: { title: 'SmartBroadcast: Förderprogramme 2027', format: 'broadcast', language: 'de' },
    });
    expect(created.status()).toBe(201);
    const event = (await created.json()) as { code: string; links: { moderator: string; stage: string } };

    const att1 = await session.open('phone', `/e/${event.code}`);
    const att2 = await session.open('phone', `/e/${event.code}`);
    const attendees = [att1, att2];
    const mod = await session.open('desktop', pathOf(event.links.moderator));
    const stage = await session.open('desktop', pathOf(event.links.stage));

    // The moderator header and the polls panel count the two people here.
    await mod.getByText('2 Personen anwesend').waitFor(WAIT);
    await mod.getByText('2 Personen sind gerade hier').waitFor(WAIT);

    // ---- word cloud, made in the editor ----
    const cloudQ = 'Ein Wort für die Zukunft des Handwerks?';
    const panel = mod.locator('.polls-mod');
    await panel.getByRole('button', { name: 'Neue Umfrage' }).click();
    await panel.getByLabel('Art der Umfrage').selectOption('wordcloud');
    await panel.getByLabel('Frage', { exact: true }).fill(cloudQ);
    await panel.getByRole('button', { name: 'Speichern', exact: true }).click();
    const cloudCard = card(mod, cloudQ);
    await cloudCard.getByText('Entwurf').waitFor(WAIT);
    await cloudCard.getByRole('button', { name: 'Öffnen' }).click();
    await cloudCard.getByRole('button', { name: 'Auf die Bühne' }).click();
    await cloudCard.getByText('auf der Bühne').waitFor(WAIT);

    const words = [['Mut', 'Digitalisierung'], ['mut!', 'Nachwuchs', 'Digitalisierung']];
    for (const [i, att] of attendees.entries()) {
      const poll = pollOf(att, cloudQ);
      await poll.waitFor(WAIT);
      for (const [n, word] of words[i]!.entries()) await poll.getByLabel(`Wort ${n + 1}`).fill(word);
      await poll.getByRole('button', { name: 'Absenden' }).click();
      await poll.getByText('Ihre Antwort ist gespeichert.').waitFor(WAIT);
    }
    await cloudCard.getByText('2 von 2 Anwesenden haben geantwortet').waitFor(WAIT);
    // "Mut" and "mut!" are one word; attendees see the top words live.
    await pollOf(att1, cloudQ).getByText('2-mal').first().waitFor(WAIT);
    await expectNoHorizontalScroll(att1);
    await expectAccessible(att1, 'attendee poll view (word cloud)');
    await shot(att1, '30-attendee-wordcloud');

    await stage.getByRole('heading', { name: cloudQ }).waitFor(WAIT);
    await stage.locator('.poll-cloud svg text', { hasText: /digitalisierung/i }).first().waitFor(WAIT);
    await expectAccessible(stage, 'stage poll result (word cloud)');
    await shot(stage, '31-stage-wordcloud');

    await expectAccessible(mod, 'moderator polls panel (word cloud open)');
    await shot(mod, '32-moderator-wordcloud');
    await cloudCard.getByRole('button', { name: 'Schließen' }).click();
    await cloudCard.getByText('geschlossen').waitFor(WAIT);

    // ---- ranking and quiz, imported as text ----
    await panel.getByRole('button', { name: 'Importieren', exact: true }).click();
    await panel.getByLabel('Text zum Importieren').fill(importText);
    await panel.getByRole('button', { name: 'Vorschau' }).click();
    await panel.getByRole('button', { name: '2 Umfragen importieren' }).click();
    await panel.getByText('2 Umfragen als Entwürfe angelegt.').waitFor(WAIT);

    const rankQ = 'Was ist Ihnen bei Förderprogrammen am wichtigsten?';
    const rankCard = card(mod, rankQ);
    await rankCard.getByRole('button', { name: 'Öffnen' }).click();
    await rankCard.getByRole('button', { name: 'Auf die Bühne' }).click();
    await rankCard.getByText('auf der Bühne').waitFor(WAIT);

    // Attendee 1 moves "Schnelle Auszahlung" to the top with the buttons; attendee 2 moves "Höhe" to the end with the keyboard.
    const r1 = pollOf(att1, rankQ);
    await r1.waitFor(WAIT);
    await r1.getByRole('button', { name: 'Schnelle Auszahlung nach oben' }).click();
    await r1.getByRole('button', { name: 'Schnelle Auszahlung nach oben' }).click();
    await r1.getByRole('button', { name: 'Absenden' }).click();
    await r1.getByText('Ihre Antwort ist gespeichert.').waitFor(WAIT);
    const r2 = pollOf(att2, rankQ);
    await r2.waitFor(WAIT);
    await r2.getByRole('button', { name: /^Höhe der Förderung, Platz 1 von 3/ }).focus();
    await att2.keyboard.press('End');
    await r2.getByRole('button', { name: /^Höhe der Förderung, Platz 3 von 3/ }).waitFor(WAIT);
    await r2.getByRole('button', { name: 'Absenden' }).click();
    await r2.getByText('Ihre Antwort ist gespeichert.').waitFor(WAIT);
    await expectNoHorizontalScroll(att2);
    await expectAccessible(att2, 'attendee poll view (ranking)');
    await shot(att2, '33-attendee-ranking');

    await rankCard.getByText('2 von 2 Anwesenden haben geantwortet').first().waitFor(WAIT);
    await stage.getByRole('heading', { name: rankQ }).waitFor(WAIT);
    // Borda with 3 items (2, 1, 0 points): Auszahlung 2+1, Antrag 0+2, Höhe 1+0.
    await stage.getByText('3 Punkte').first().waitFor(WAIT);
    await stage.getByText('1 Punkt', { exact: true }).first().waitFor(WAIT);
    await expectAccessible(stage, 'stage poll result (ranking)');
    await shot(stage, '34-stage-ranking');
    await rankCard.getByRole('button', { name: 'Schließen' }).click();
    await rankCard.getByText('geschlossen').waitFor(WAIT);

    // ---- quiz ----
    const quizQ = 'Hauptstädte Europas';
    const quizCard = card(mod, quizQ);
    await quizCard.getByRole('button', { name: 'Öffnen' }).click();
    await quizCard.getByRole('button', { name: 'Auf die Bühne' }).click();
    for (const [i, att] of attendees.entries()) {
      const nick = att.getByLabel('Ihr Spitzname für die Bestenliste');
      await nick.waitFor(WAIT);
      await att.getByText(/So zählen die Punkte/).first().waitFor(WAIT);
      await nick.fill(i === 0 ? 'Ada' : 'Bo');
      await att.getByRole('button', { name: 'Mitspielen' }).click();
      await att.getByText(`Sie spielen als ${i === 0 ? 'Ada' : 'Bo'}`).waitFor(WAIT);
    }
    await quizCard.getByText('2 Personen spielen mit – gleich geht es los.').waitFor(WAIT);
    await quizCard.getByRole('button', { name: 'Erste Frage starten' }).click();

    const answerQuiz = async (att: Page, option: string) => {
      const choice = att.getByRole('radio', { name: option });
      await choice.waitFor(WAIT);
      await choice.check();
      await att.locator('.polls-attendee').getByRole('button', { name: 'Absenden' }).click();
      await att.getByText('Antwort gespeichert – die Auflösung kommt nach Ablauf der Zeit.').waitFor(WAIT);
    };
    // Question 1: Ada right, Bo wrong.
    await stage.getByText('Hauptstadt von Frankreich?').waitFor(WAIT);
    await answerQuiz(att1, 'Paris');
    await answerQuiz(att2, 'Berlin');
    await expectAccessible(att1, 'attendee poll view (quiz question)');
    await shot(att1, '35-attendee-quiz-question');
    await quizCard.getByRole('button', { name: 'Frage jetzt beenden' }).click();
    await att1.getByText('Richtig!').waitFor(WAIT);
    await att2.getByText('Leider falsch.').waitFor(WAIT);
    await stage.getByText('Bestenliste').first().waitFor(WAIT);
    await stage.getByText('Ada').first().waitFor(WAIT);
    await expectAccessible(stage, 'stage poll result (quiz review)');
    await shot(stage, '36-stage-quiz-review');
    await shot(att2, '37-attendee-quiz-wrong');

    // Question 2: both right; Ada keeps the lead.
    await quizCard.getByRole('button', { name: 'Nächste Frage' }).click();
    await stage.getByText('Hauptstadt von Italien?').waitFor(WAIT);
    await answerQuiz(att1, 'Rom');
    await answerQuiz(att2, 'Rom');
    await quizCard.getByRole('button', { name: 'Frage jetzt beenden' }).click();
    await att2.getByText('Richtig!').waitFor(WAIT);
    await quizCard.getByRole('button', { name: 'Quiz beenden und Endstand zeigen' }).click();
    await stage.getByText('Endstand').first().waitFor(WAIT);
    await att1.getByText(/Das Quiz ist beendet\. Sie sind auf Platz 1/).waitFor(WAIT);
    await att2.getByText(/Das Quiz ist beendet\. Sie sind auf Platz 2/).waitFor(WAIT);
    await expectNoHorizontalScroll(att1);
    await expectAccessible(stage, 'stage poll result (final leaderboard)');
    await shot(stage, '38-stage-quiz-final');
    await shot(att1, '39-attendee-quiz-final');
    await expectAccessible(mod, 'moderator polls panel (quiz finished)');
    await shot(mod, '40-moderator-polls');

    // A reload keeps my answers and my quiz result (personal state from the snapshot).
    await att1.reload();
    await att1.getByText(/Das Quiz ist beendet\. Sie sind auf Platz 1/).waitFor(WAIT);

    // ---- the longest allowed content (JSON import): 300-character question, 12 options of 120 characters ----
    const fill = (n: number, words: string) => words.repeat(Math.ceil(n / words.length)).slice(0, n).trimEnd().padEnd(n, 'x');
    const longQ = fill(POLL_LIMITS.questionMax, 'Wie bewerten Sie die Digitalisierungsförderungsrichtlinie des Landes? ');
    const options = Array.from({ length: POLL_LIMITS.optionsMax }, (_, i) => ({
      id: `o${i + 1}`,
      text: fill(POLL_LIMITS.optionMax, `${i + 1}: Antragsbearbeitungsbeschleunigungsmaßnahmen und Zuschüsse für Schulungen `),
    }));
    const json = JSON.stringify([{ definition: { type: 'multiple', question: longQ, options, maxSelections: POLL_LIMITS.optionsMax } }]);
    // The dialog is still open with the last import's result: close it and open a fresh one.
    await panel.locator('.poll-import').getByRole('button', { name: 'Schließen' }).click();
    await panel.getByLabel('Text zum Importieren').waitFor({ state: 'detached', ...WAIT });
    await panel.locator('.polls-mod-tools').getByRole('button', { name: 'Importieren' }).click();
    await panel.getByLabel('Text zum Importieren').waitFor(WAIT);
    await panel.getByRole('radio', { name: 'JSON' }).check();
    await panel.getByLabel('Text zum Importieren').fill(json);
    await panel.getByRole('button', { name: 'Vorschau' }).click();
    await panel.getByRole('button', { name: '1 Umfrage importieren' }).click();
    const longCard = card(mod, longQ);
    await longCard.getByRole('button', { name: 'Öffnen' }).click();
    await longCard.getByRole('button', { name: 'Auf die Bühne' }).click();
    const longPoll = pollOf(att2, longQ);
    await longPoll.waitFor(WAIT);
    for (const o of options.slice(0, 3)) await longPoll.getByRole('checkbox', { name: o.text }).check();
    await longPoll.getByRole('button', { name: 'Absenden' }).click();
    await longPoll.getByText('Ihre Antwort ist gespeichert.').waitFor(WAIT);
    await expectNoHorizontalScroll(att2);
    await shot(att2, '41-attendee-longest-content');
    await stage.getByRole('heading', { name: longQ }).waitFor(WAIT);
    await expectNoHorizontalScroll(stage);
    await expectNoHorizontalScroll(mod);
    await shot(stage, '42-stage-longest-content');
  });
});
