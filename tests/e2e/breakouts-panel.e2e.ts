/**
 * Running a round as a facilitator (issue 9, section 2) in a real browser, with the longest allowed
 * content: names of 60 characters without a space to break at, group names of 60 and topics of 200.
 * Plan settings survive a reload; an absent roster person is planned in ("not here yet") and lands in that
 * group when they come (marked late); a hand move that breaks a keep-apart rule shows on the report, the
 * group and the person; a walk-in is placed only after answering the required field; a resolved help
 * request is seen by the attendee, who can ask again without a reload; the closed round exports its
 * results. axe runs on every new facilitator part; nothing overflows at 360 px (attendee) or 1280 px
 * (facilitator).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, pathOf, shot, startSession, type BrowserSession } from './harness.js';

const email = 'panel@example.org';
const password = 'sicheres-passwort-3';

/** A name at the 60-character limit with no space to break at after the first word. */
const longName = (first: string) => `${first} ${'Wolkensteinüberlingenhohenzollernsigmaringenlauterbachtal'}`.slice(0, 60);
const anna = longName('Anna');
const ben = longName('Ben');
const cara = longName('Cara');
const dora = longName('Dora');
const emil = longName('Emil');
/** Group names at their limit of 60. */
const groupNames = ['Arbeitsgruppe Nachhaltige Stadtentwicklung und Mobilität Ost', 'Arbeitsgruppe Nachhaltige Stadtentwicklung und Mobilität Süd'];
const topic = (n: number) => `Thema ${n}: ${'Wie gestalten wir Quartiere, in denen Wohnen, Arbeiten und Verkehr zusammenpassen? '.repeat(3)}`.slice(0, 200);

let session: BrowserSession;
beforeAll(async () => {
  session = await startSession({ email, password });
});
afterAll(async () => {
  await session?.close();
});

async function noHorizontalOverflow(page: Page, width: number, what: string): Promise<void> {
  const sizes = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The innermost elements that stick out, to name the culprit when it fails.
    const out = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > client + 0.5 && ![...el.children].some((c) => c.getBoundingClientRect().right > client + 0.5))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)} "${(el.textContent ?? "").slice(0, 40)}"`);
    return { scroll: document.documentElement.scrollWidth, client, out };
  });
  expect(sizes.client, what).toBe(width);
  expect(sizes.scroll, `${what}: page wider than the screen (${sizes.out.join('; ')})`).toBeLessThanOrEqual(width);
}

/** An attendee on a phone: name given, the required field answered when asked. */
async function joinOnPhone(path: string, name: string | null, company: string | null): Promise<Page> {
  const page = await session.open('phone', path);
  if (name) {
    await page.getByRole('button', { name: 'Namen angeben' }).click();
    await page.getByLabel('Ihr Name (optional)').fill(name);
    await page.getByRole('button', { name: 'Namen speichern' }).click();
    await page.getByText(`Sie nehmen teil als ${name}.`).waitFor();
  }
  if (company) await answerCompany(page, company);
  return page;
}

async function answerCompany(page: Page, company: string): Promise<void> {
  await page.getByLabel('Firma (Pflichtangabe)').fill(company);
  await page.getByRole('button', { name: 'Angaben speichern' }).click();
  await page.getByText(`Firma: ${company}`).waitFor();
}

/** Every member card's controls stay inside their group column (a select grows with its longest option). */
async function membersInsideColumns(fac: Page): Promise<void> {
  const spill = await fac.evaluate(() =>
    [...document.querySelectorAll('section.group-column')].flatMap((col) => {
      const right = col.getBoundingClientRect().right;
      return [...col.querySelectorAll('li.member *')].filter((el) => el.getBoundingClientRect().right > right + 0.5).map((el) => el.tagName.toLowerCase());
    }),
  );
  expect(spill, 'member controls sticking out of their group column').toEqual([]);
}

const column = (fac: Page, group: string): Locator => fac.locator('section.group-column').filter({ has: fac.getByRole('heading', { name: group }) });
async function groupOfPerson(fac: Page, name: string): Promise<string> {
  for (const g of groupNames) if ((await column(fac, g).locator('li.member').filter({ hasText: name }).count()) > 0) return g;
  throw new Error(`${name} is in no group on the board`);
}
const personRow = (fac: Page, name: string): Locator => fac.getByRole('list', { name: 'Im Plenum' }).locator('li').filter({ hasText: name });

describe('running a round as a facilitator', () => {
  it('settings survive a reload; absent, late, walk-in, broken rule, help and export all show where they should', async () => {
    for (const s of [anna, ben, cara, dora, emil, ...groupNames]) expect(s).toHaveLength(60);
    expect(topic(1)).toHaveLength(200);
    const orgCtx = await session.context('desktop');
    expect((await orgCtx.request.post(`${session.server.url}/api/auth/login`, { data: { email, password } })).status()).toBe(200);
    const created = await orgCtx.request.post(`${session.server.url}/api/events`, {
      data: {
        title: 'Werkstatt Stadtentwicklung', format: 'space', language: 'de',
        settings: { attendeeFields: [{ key: 'company', label: 'Firma', required: true }] },
      },
    });
    expect(created.status()).toBe(201);
    const event = (await created.json()) as { code: string; links: { facilitator: string } };

    const phones = [await joinOnPhone(`/e/${event.code}`, anna, 'ACME'), await joinOnPhone(`/e/${event.code}`, ben, 'Globex'), await joinOnPhone(`/e/${event.code}`, cara, 'ACME')];

    // The facilitator imports a roster with Dora, who is not here yet.
    const fac = await session.open('desktop', pathOf(event.links.facilitator));
    await fac.getByText('3 von 3 online').waitFor();
    await fac.getByLabel('Oder CSV-Text hier einfügen').fill(`name,company\n${dora},Globex\n`);
    await fac.getByRole('button', { name: 'Liste importieren' }).click();
    await fac.getByText('1 Person importiert.').waitFor();
    const doraLink = (await fac.locator('.roster-link').first().textContent())!;
    expect(doraLink).toContain('invite=');
    // The success line clears itself; the links stay.
    await fac.getByText('1 Person importiert.').waitFor({ state: 'detached', timeout: 15_000 });
    await fac.getByText('3 von 4 online').waitFor();

    // Plan settings: two named groups with long topics, Anna and Ben kept apart, absent people included.
    await fac.getByRole('radio', { name: 'Nach Anzahl der Gruppen' }).check();
    await fac.getByRole('spinbutton', { name: 'Anzahl der Gruppen' }).fill('2');
    await fac.getByRole('radio', { name: /^Mischen/ }).check();
    await fac.getByLabel('Gruppennamen (einer pro Zeile)').fill(groupNames.join('\n'));
    await fac.getByLabel('Themen (eines pro Zeile)').fill(`${topic(1)}\n${topic(2)}`);
    await personRow(fac, anna).getByRole('checkbox').check();
    await personRow(fac, ben).getByRole('checkbox').check();
    await fac.getByRole('button', { name: 'Auswahl getrennt halten' }).click();
    await fac.getByText(`Getrennt: ${anna}, ${ben}`).waitFor();
    await expect.poll(() => fac.getByRole('checkbox', { name: /Auch 1 Person der Teilnehmerliste einplanen/ }).isChecked()).toBe(true);
    await expectAccessible(fac, 'facilitator: plan settings with rules, people list, roster');

    // Saved a moment after the last change: a second facilitator sees it arrive, and a reload finds it as left.
    const fac2 = await session.open('desktop', pathOf(event.links.facilitator));
    await expect.poll(() => fac2.getByLabel('Themen (eines pro Zeile)').inputValue(), { timeout: 15_000 }).toBe(`${topic(1)}\n${topic(2)}`);
    await fac2.getByText(`Getrennt: ${anna}, ${ben}`).waitFor();
    await fac2.close();
    await fac.reload();
    await fac.getByText('3 von 4 online').waitFor();
    await expect.poll(() => fac.getByRole('spinbutton', { name: 'Anzahl der Gruppen' }).inputValue()).toBe('2');
    expect(await fac.getByRole('radio', { name: 'Nach Anzahl der Gruppen' }).isChecked()).toBe(true);
    expect(await fac.getByLabel('Gruppennamen (einer pro Zeile)').inputValue()).toBe(groupNames.join('\n'));
    expect(await fac.getByLabel('Themen (eines pro Zeile)').inputValue()).toBe(`${topic(1)}\n${topic(2)}`);
    await fac.getByText(`Getrennt: ${anna}, ${ben}`).waitFor();

    await fac.getByRole('button', { name: 'Gruppen planen' }).click();
    await fac.getByText('Alle Regeln sind eingehalten.').waitFor();
    // Dora is planned in while absent, and marked so.
    const doraColumn = fac.locator('section.group-column').filter({ hasText: dora });
    await doraColumn.getByText('Noch nicht da').waitFor();
    const doraGroupName = await groupOfPerson(fac, dora);

    // A hand move puts Ben into Anna's group: the report, the group and Ben show the broken rule.
    const annaGroup = await groupOfPerson(fac, anna);
    const benGroup = await groupOfPerson(fac, ben);
    expect(annaGroup).not.toBe(benGroup);
    await fac.getByRole('combobox', { name: `Verschieben: ${ben}` }).selectOption({ label: annaGroup });
    await fac.getByRole('button', { name: `${ben} in die gewählte Gruppe verschieben` }).click();
    await fac.getByText(`„Getrennt halten“ nicht erfüllt in ${annaGroup}: ${anna}, ${ben}`).waitFor();
    expect(await fac.getByText('Alle Regeln sind eingehalten.').count()).toBe(0);
    const broken = column(fac, annaGroup);
    await expect.poll(() => broken.locator(':scope > .rule-badges').getByText('„Getrennt halten“ verletzt').count()).toBe(1);
    await broken.locator('li.member').filter({ hasText: ben }).getByText('„Getrennt halten“ verletzt').waitFor();
    expect(await column(fac, benGroup).getByText('„Getrennt halten“ verletzt').count()).toBe(0);
    await expectAccessible(fac, 'facilitator: draft board with a broken rule and the report');
    await noHorizontalOverflow(fac, 1280, 'facilitator draft, long names and topics');
    await membersInsideColumns(fac);
    await shot(fac, '30-facilitator-broken-rule');

    // Start. Dora comes with her personal link and finds the group she was planned into.
    await fac.getByRole('button', { name: 'Runde starten' }).click();
    await fac.getByRole('timer', { name: 'Verbleibende Zeit' }).first().waitFor();
    const doraPhone = await session.open('phone', pathOf(doraLink));
    await doraPhone.getByRole('heading', { name: doraGroupName }).waitFor();
    await personRow(fac, dora).getByText(/^spät · \d\d:\d\d$/).waitFor();
    await expect.poll(() => personRow(fac, dora).getByText(doraGroupName, { exact: true }).count()).toBe(1);
    // Who was here at the start is not late.
    expect(await personRow(fac, anna).getByText(/^spät/).count()).toBe(0);

    // A walk-in is not placed before answering the required field.
    const emilPhone = await joinOnPhone(`/e/${event.code}`, emil, null);
    await personRow(fac, emil).getByText('online', { exact: true }).waitFor();
    await emilPhone.waitForTimeout(800);
    await personRow(fac, emil).getByText('Nicht eingeteilt').waitFor();
    expect(await fac.locator('section.group-column').filter({ hasText: emil }).count()).toBe(0);
    await answerCompany(emilPhone, 'Globex');
    await emilPhone.getByText(/^Breakout · Runde 1$/).waitFor();
    await expect.poll(() => fac.locator('section.group-column').filter({ hasText: emil }).count()).toBe(1);
    await personRow(fac, emil).getByText(/^spät · /).waitFor();
    expect(await personRow(fac, emil).getByText('Nicht eingeteilt').count()).toBe(0);

    // Help: asked, resolved by the facilitator, seen as done by the attendee, asked again — no reload.
    const annaPhone = phones[0]!;
    await annaPhone.getByRole('button', { name: 'Hilfe anfordern' }).click();
    await annaPhone.getByText('Hilfe ist unterwegs', { exact: false }).waitFor();
    await fac.getByRole('button', { name: `Als erledigt markieren: ${annaGroup}` }).waitFor();
    await expectAccessible(fac, 'facilitator: running round, help list, people list with late marks');
    await noHorizontalOverflow(fac, 1280, 'facilitator running, long names and topics');
    await membersInsideColumns(fac);
    await shot(fac, '31-facilitator-help-late');
    await fac.getByRole('button', { name: `Als erledigt markieren: ${annaGroup}` }).click();
    await annaPhone.getByText('Ihre Anfrage ist erledigt. Sie können jederzeit erneut Hilfe anfordern.').waitFor();
    expect(await annaPhone.getByText('Hilfe ist unterwegs', { exact: false }).count()).toBe(0);
    await annaPhone.getByLabel('Ergebnis der Gruppe').fill(`${topic(1)} – ${anna}`);
    await expectAccessible(annaPhone, 'attendee: group card with long content, help done');
    await noHorizontalOverflow(annaPhone, 360, 'attendee breakout view, long names and topics');
    await shot(annaPhone, '32-attendee-help-done');
    await annaPhone.getByRole('button', { name: 'Erneut Hilfe anfordern' }).click();
    await annaPhone.getByText('Hilfe ist unterwegs', { exact: false }).waitFor();
    await fac.getByText('(1 offen)').waitFor();
    for (const p of [doraPhone, emilPhone]) await noHorizontalOverflow(p, 360, 'late arrival breakout view');

    // Close: the open request closes with the round; all results export in one click each.
    await fac.getByRole('button', { name: 'Runde beenden' }).click();
    await fac.getByRole('button', { name: 'Sofort ins Plenum zurückholen' }).click();
    const csvButton = fac.getByRole('button', { name: 'Alle Ergebnisse als CSV' });
    await csvButton.waitFor();
    await fac.getByText('(0 offen)').waitFor();
    await expectAccessible(fac, 'facilitator: closed round with exports');
    await noHorizontalOverflow(fac, 1280, 'facilitator closed round');
    const [csv] = await Promise.all([fac.waitForEvent('download'), csvButton.click()]);
    expect(csv.suggestedFilename()).toBe('runde-1-ergebnisse.csv');
    const csvText = readFileSync((await csv.path())!, 'utf8');
    for (const name of groupNames) expect(csvText).toContain(name);
    expect(csvText).toContain(anna);
    const [md] = await Promise.all([fac.waitForEvent('download'), fac.getByRole('button', { name: 'Alle Ergebnisse als Markdown' }).click()]);
    expect(readFileSync((await md.path())!, 'utf8')).toContain(`${topic(1)} – ${anna}`);
    // Every member still reads their group's result after the round, at 360 px.
    await annaPhone.getByText(`${topic(1)} – ${anna}`).waitFor();
    await noHorizontalOverflow(annaPhone, 360, 'attendee after the round, long result');
    await shot(fac, '33-facilitator-closed-exports');
  });
});
