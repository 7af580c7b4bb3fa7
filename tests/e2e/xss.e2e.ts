/**
 * XSS corpus (issue 12, suite 5): questions, names, replies, poll options, word-cloud words, group names,
 * topics and results made of script tags, event handlers, javascript: URLs, SVG/MathML and markdown or
 * template tricks, shown on the attendee, moderator, facilitator, stage, overlay and speaker pages. Nothing
 * may run: no dialog, no marker set on window, and no Content-Security-Policy violation (the harness fails the
 * session on any, which also catches a payload that reached the DOM as markup and was only stopped by the CSP).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assembleSnapshot } from '../../shared/snapshot.js';
import { organizerFixture, pathOf } from './harness.js';


/** Each sets window.__xss when it runs; a dialog would also fail the test. */
const CORPUS = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<svg/onload=window.__xss=1>',
  'javascript:window.__xss=1',
  '[Klick mich](javascript:window.__xss=1)',
  '"><iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">Link</a>',
  "{{constructor.constructor('window.__xss=1')()}}",
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '&lt;img src=x onerror=window.__xss=1&gt;',
  '<body onload=window.__xss=1>',
];

const org = organizerFixture();
const { rest } = org;

type Call = (name: string, payload: unknown) => Promise<Record<string, any>>;

/** A socket whose commands throw on a refusal. */
async function socketFor(code: string, token: string): Promise<Call> {
  const call = await org.socketFor(code, token);
  return async (name, payload) => {
    const ack = await call(name, payload);
    if (!ack.ok) throw new Error(`${name}: ${JSON.stringify(ack.error)}`);
    return ack;
  };
}
/** Opens a page, fails on any dialog, waits for `visible`, then checks that no payload ran. */
async function visit(kind: 'phone' | 'desktop', path: string, visible: string): Promise<Page> {
  const page = await (await org.session.context(kind)).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (err) => console.error(`[page error ${path}]`, err.message));
  await page.goto(org.session.server.url + path);
  await page.getByText(visible, { exact: false }).first().waitFor({ timeout: 20_000 });
  // Give lazily loaded panels and late images a moment to do whatever they would do.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
  expect(dialogs, path).toEqual([]);
  // The payloads are on the page as text, not as markup.
  const html = await page.content();
  expect(html, path).not.toMatch(/<img[^>]+onerror=|<svg\/onload|<script>window\.__xss|<iframe src="javascript|<details open ontoggle/i);
  return page;
}

describe('XSS corpus on every page', () => {
  it('shows every payload as text on the attendee, moderator, facilitator, stage, overlay and speaker pages', async () => {
    const created = await rest<{ id: string; code: string; links: Record<string, string> }>('/api/events', {
      body: { title: '<script>window.__xss=1</script> Sicherheit', format: 'talk', settings: { qa: { premoderation: false } } },
    });
    expect(created.status).toBe(201);
    const ev = created.body;
    const tokenOf = (role: string) => new URL(ev.links[role]!).searchParams.get('token')!;
    const moderator = await socketFor(ev.code, tokenOf('moderator'));
    const facilitator = await socketFor(ev.code, tokenOf('facilitator'));

    // One attendee per payload: the name and the question are the payload (names are at most 60 characters).
    const people: Array<{ id: string; call: Call }> = [];
    const questionIds: string[] = [];
    for (const [i, payload] of CORPUS.entries()) {
      const joined = await rest<{ attendeeId: string; token: string }>(`/api/join/${ev.code}/attendees`, { body: { name: payload.slice(0, 60) } });
      expect(joined.status).toBe(201);
      const call = await socketFor(ev.code, joined.body.token);
      people.push({ id: joined.body.attendeeId, call });
      questionIds.push(((await call('qa:ask', { text: `Frage ${i}: ${payload}`, anonymous: false })).question as { id: string }).id);
    }
    await moderator('qa:reply', { id: questionIds[0], text: CORPUS.join(' ') });
    await moderator('qa:highlight', { id: questionIds[1] });
    await moderator('qa:queue', { ids: questionIds.slice(2, 6) });

    // A poll whose options are payloads, answered and presented (room screen follows); a word cloud on the overlay.
    const options = CORPUS.map((text, i) => ({ id: `o${i}`, text: text.slice(0, 120) }));
    const poll = ((await moderator('polls:create', { definition: { type: 'single', question: CORPUS[1], options } })).poll as { id: string }).id;
    await moderator('polls:open', { id: poll });
    for (const [i, p] of people.entries()) await p.call('polls:answer', { pollId: poll, answer: { type: 'single', optionId: `o${i % options.length}` } });
    await moderator('polls:present', { id: poll });
    const cloud = ((await moderator('polls:create', { definition: { type: 'wordcloud', question: CORPUS[2], maxWords: 3 } })).poll as { id: string }).id;
    await moderator('polls:open', { id: cloud });
    for (const [i, p] of people.entries()) {
      await p.call('polls:answer', { pollId: cloud, answer: { type: 'wordcloud', words: [CORPUS[i]!.slice(0, 40)] } });
    }

    // A breakout round: group names, topics and a result made of payloads.
    const planned = await facilitator('breakouts:plan', { groups: 2, people: people.map((p) => p.id), seed: 1 });
    const roundId = (planned.rounds as Array<{ id: string }>)[0]!.id;
    await facilitator('breakouts:group', { roundId, index: 0, name: CORPUS[0]!.slice(0, 60), topic: CORPUS.slice(0, 4).join(' ').slice(0, 200) });
    await facilitator('breakouts:group', { roundId, index: 1, name: CORPUS[2]!.slice(0, 60), topic: CORPUS[5]!.slice(0, 200) });
    await facilitator('breakouts:start', { roundId });
    const round = (assembleSnapshot((await facilitator('sync:snapshot', {})) as Parameters<typeof assembleSnapshot>[0]) as unknown as { breakouts: { rounds: Array<{ id: string; groups: Array<{ members: Array<{ id: string }> }> }> } }).breakouts.rounds.find((r) => r.id === roundId)!;
    for (const [index, group] of round.groups.entries()) {
      const member = people.find((p) => group.members.some((m) => m.id === p.id))!;
      await member.call('breakouts:editResult', { roundId, index, baseVersion: 0, text: CORPUS.join('\n') });
    }
    await moderator('stage:show', { screen: 'overlay', item: { kind: 'question', questionId: questionIds[1] } });

    await visit('desktop', pathOf(ev.links.moderator!), 'Frage 0:');
    await visit('desktop', pathOf(ev.links.facilitator!), CORPUS[0]!.slice(0, 20));
    await visit('desktop', pathOf(ev.links.stage!), CORPUS[1]!.slice(0, 20));
    await visit('desktop', `${pathOf(ev.links.stage!).replace('/stage?', '/overlay?')}`, 'Frage 1:');
    await visit('phone', pathOf(ev.links.speaker!), 'Frage 1:');
    // A new attendee: sees the questions, the reply, the poll and the names.
    await visit('phone', `/e/${ev.code}`, 'Frage 3:');
    // The room screen with the word cloud, the round and a leaderboard-free poll on it.
    await moderator('stage:show', { screen: 'room', item: { kind: 'poll', pollId: cloud } });
    await visit('desktop', pathOf(ev.links.stage!), CORPUS[2]!.slice(0, 12));
    await facilitator('stage:show', { screen: 'room', item: { kind: 'round', roundId } });
    await visit('desktop', pathOf(ev.links.stage!), CORPUS[0]!.slice(0, 20));
  });

  it('the same corpus injected straight into the DOM would be stopped by the CSP (the guard is live)', async () => {
    const page = await (await org.session.context('desktop')).newPage();
    await page.goto(`${org.session.server.url}/`);
    const blocked = page.waitForEvent('console', { predicate: (m) => /Content Security Policy/i.test(m.text()), timeout: 10_000 });
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__xss = 1';
      document.body.append(s);
    });
    await blocked;
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    // This one was meant to trip the policy: take it out of the session's list.
    org.session.cspViolations.splice(0);
  });
});
