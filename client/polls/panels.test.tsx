/**
 * The slice-connected polls panels: what they show from the store, which commands they send, progress
 * while an ack is pending, refusals in the attendee's language, keyboard use, axe, and the longest content.
 * The stage page's poll is tested in client/stage/StagePolls.test.tsx.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { POLL_LIMITS } from '../../shared/polls/limits.js';
import type { StaffPoll, PollChange, PollPersonalChange, PollsSnapshot } from '../../shared/polls/index.js';
import type { Change, PersonalChange, Snapshot } from '../../shared/socket.js';
import { snapshot, SERVER_TIME } from '../testing/fixtures.js';
import { renderWithEvent, type Reply } from '../testing/render.js';
import PollsAttendeePanel from './attendee/AttendeePollsPanel.js';
import { defs, pollsSnapshot, publicPoll, staffPoll } from './fixtures.js';
import ModeratorPollsPanel from './moderator/ModeratorPollsPanel.js';

afterEach(async () => {
  await i18n.changeLanguage('de');
});

type SnapOver = Parameters<typeof snapshot>[0];
/** A kernel snapshot with a polls part (typed loosely: the polls line of shared/features.ts may not be merged yet). */
function snap(polls: Partial<PollsSnapshot>, over: SnapOver = {}): Snapshot {
  return { ...snapshot({ seq: 1, ...over }), polls: pollsSnapshot(polls) } as unknown as Snapshot;
}
const staff = (polls: Partial<PollsSnapshot>, present = 7) => snap({ present, ...polls }, { me: { role: 'moderator', id: 'mod' }, people: { present } });
const delta = (seq: number, ...changes: PollChange[]) => ({ seq, changes: changes as unknown as Change[] });
const personal = (...changes: PollPersonalChange[]) => changes as unknown as PersonalChange[];

async function axeViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Acks shaped like the server's (the slice takes them), for the moderator's commands. */
function modReply(polls: readonly StaffPoll[]): Reply {
  const byId = new Map(polls.map((p) => [p.id, p]));
  return (name, payload) => {
    const p = payload as { id?: string | null; ids?: string[] };
    switch (name as string) {
      case 'polls:reorder':
        return { ok: true, ids: p.ids };
      case 'polls:delete':
        return { ok: true };
      case 'polls:present':
        return { ok: true, id: p.id };
      case 'polls:duplicate':
        return { ok: true, poll: { ...byId.get(p.id!)!, id: `${p.id}-copy`, status: 'draft', responses: 0, position: byId.get(p.id!)!.position + 1 } };
      default:
        return { ok: true, poll: byId.get(p.id!) };
    }
  };
}

const single = staffPoll('p1', defs.single, { status: 'open', responses: 4, results: { kind: 'choice', counts: { a: 3, b: 1, c: 0 } } });

describe('attendee polls panel', () => {
  it('shows nothing while the event has no published poll', () => {
    const { container } = renderWithEvent(<PollsAttendeePanel />, snap({}));
    expect(container).toBeEmptyDOMElement();
  });

  it('answers an open poll with visible progress, then keeps the answer from the ack', async () => {
    const user = userEvent.setup();
    const { pending } = renderWithEvent(<PollsAttendeePanel />, snap({ polls: [publicPoll(single)] }), { manual: true });
    expect(screen.getByRole('heading', { name: 'Umfragen' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Grün' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(pending[0]).toMatchObject({ name: 'polls:answer', payload: { pollId: 'p1', answer: { type: 'single', optionId: 'b' } } });
    expect(screen.getByRole('button', { name: 'Absenden' })).toHaveAttribute('aria-busy', 'true');
    const mine = { pollId: 'p1', answer: { type: 'single', optionId: 'b' }, answeredAt: SERVER_TIME, openState: null };
    await act(async () => pending[0]!.resolve({ ok: true, mine, quiz: null }));
    expect(await screen.findByText('Ihre Antwort ist gespeichert.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Grün' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Grün' })).toBeDisabled();
    expect(within(screen.getByRole('region', { name: 'Ergebnisse' })).getByText('4 Antworten')).toBeInTheDocument();
  });

  it('after a reload the answer comes from the snapshot; another tab’s answer from a personal change', () => {
    const mine = { pollId: 'p1', answer: { type: 'single' as const, optionId: 'c' }, answeredAt: SERVER_TIME, openState: null };
    const { store, unmount } = renderWithEvent(<PollsAttendeePanel />, snap({ polls: [publicPoll(single)], mine: [mine] }));
    expect(screen.getByRole('radio', { name: 'Blau' })).toBeChecked();
    unmount();
    const second = renderWithEvent(<PollsAttendeePanel />, snap({ polls: [publicPoll(single)] }));
    expect(screen.getByRole('radio', { name: 'Blau' })).not.toBeChecked();
    act(() => second.store.getState().receivePersonal(personal({ type: 'polls:myAnswer', mine })));
    expect(screen.getByRole('radio', { name: 'Blau' })).toBeChecked();
    expect(store).toBeDefined();
  });

  it('shows a refusal in the attendee’s language', async () => {
    const user = userEvent.setup();
    const reply: Reply = () => ({ ok: false, error: { code: 'poll_closed', message: 'poll is not open' } });
    renderWithEvent(<PollsAttendeePanel />, snap({ polls: [publicPoll(single)] }), { reply });
    await user.click(screen.getByRole('radio', { name: 'Rot' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Diese Umfrage nimmt gerade keine Antworten an.');
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(screen.getByRole('alert')).toHaveTextContent('This poll is not taking answers right now.');
  });

  it('results follow the visibility the server sends: hidden (null), then revealed by a delta; live tallies update', () => {
    const hidden = publicPoll(single, { results: null, settings: { ...single.settings, results: 'hidden' } });
    const { store } = renderWithEvent(<PollsAttendeePanel />, snap({ polls: [hidden] }));
    expect(screen.queryByRole('region', { name: 'Ergebnisse' })).not.toBeInTheDocument();
    act(() => store.getState().receiveDelta(delta(2, { type: 'polls:upsert', poll: { ...hidden, results: single.results } })));
    expect(screen.getByRole('region', { name: 'Ergebnisse' })).toHaveTextContent('4 Antworten');
    act(() => store.getState().receiveDelta(delta(3, { type: 'polls:tallies', polls: { p1: { responses: 9, results: { kind: 'choice', counts: { a: 5, b: 4, c: 0 } } } } })));
    expect(screen.getByRole('region', { name: 'Ergebnisse' })).toHaveTextContent('9 Antworten');
  });

  it('closed polls fold into "earlier polls"; the presented one stays on top', async () => {
    const user = userEvent.setup();
    const closed = publicPoll(staffPoll('p0', defs.ranking, { status: 'closed', results: { kind: 'ranking', scores: { x: 4, y: 2, z: 0 } }, responses: 2 }));
    renderWithEvent(<PollsAttendeePanel />, snap({ polls: [closed, publicPoll(single)] }));
    const earlier = screen.getByText('Frühere Umfrage (1)');
    expect(earlier.closest('details')).not.toHaveAttribute('open');
    await user.click(earlier);
    expect(earlier.closest('details')).toHaveAttribute('open');
  });

  it('quiz: the nickname first, with the scoring rule; the nickname command is sent', async () => {
    const user = userEvent.setup();
    const quiz = publicPoll(staffPoll('qz', defs.quiz, { status: 'open' }));
    const { calls } = renderWithEvent(<PollsAttendeePanel />, snap({ polls: [quiz] }));
    expect(screen.getByText(/So zählen die Punkte/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Ihr Spitzname für die Bestenliste' }), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Mitspielen' }));
    expect(calls()).toContainEqual(['polls:nickname', { pollId: 'qz', nickname: 'Ada' }]);
  });

  it('"Antwort löschen" asks once more, works by keyboard, sends polls:retract and leaves an empty form that answers again', async () => {
    const user = userEvent.setup();
    const mine = { pollId: 'p1', answer: { type: 'single' as const, optionId: 'c' }, answeredAt: SERVER_TIME, openState: null };
    const reply: Reply = (name) =>
      name === 'polls:retract' ? { ok: true, mine: { pollId: 'p1', answer: null, answeredAt: null, openState: null }, quiz: null } : { ok: true, mine, quiz: null };
    const { calls, container } = renderWithEvent(<main><PollsAttendeePanel /></main>, snap({ polls: [publicPoll(single)], mine: [mine] }), { reply });
    expect(screen.getByRole('radio', { name: 'Blau' })).toBeChecked();
    const open = screen.getByRole('button', { name: 'Antwort löschen' });
    open.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Ihre Antwort löschen? Sie wird aus dem Ergebnis entfernt.')).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Ja, löschen' });
    expect(confirm).toHaveFocus();
    expect(await axeViolations(container)).toEqual([]);
    await user.keyboard('{Enter}');
    expect(calls()).toContainEqual(['polls:retract', { pollId: 'p1' }]);
    expect(await screen.findByText('Ihre Antwort wurde gelöscht.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Antwort löschen' })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Blau' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Blau' })).toBeEnabled();
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(screen.getByText('Your answer has been deleted.')).toBeInTheDocument();
  });

  it('cancelling the question deletes nothing; without an answer there is no delete button', async () => {
    const user = userEvent.setup();
    const mine = { pollId: 'p1', answer: { type: 'single' as const, optionId: 'a' }, answeredAt: SERVER_TIME, openState: null };
    const { calls, unmount } = renderWithEvent(<PollsAttendeePanel />, snap({ polls: [publicPoll(single)], mine: [mine] }));
    await user.click(screen.getByRole('button', { name: 'Antwort löschen' }));
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(calls().some(([name]) => name === 'polls:retract')).toBe(false);
    expect(screen.getByRole('button', { name: 'Antwort löschen' })).toHaveFocus();
    unmount();
    renderWithEvent(<PollsAttendeePanel />, snap({ polls: [publicPoll(single)] }));
    expect(screen.queryByRole('button', { name: 'Antwort löschen' })).not.toBeInTheDocument();
  });

  it('axe finds nothing on the attendee poll view', async () => {
    const { container } = renderWithEvent(<main><PollsAttendeePanel /></main>, snap({ polls: [publicPoll(single)] }));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('moderator polls panel', () => {
  const draft = staffPoll('d1', defs.wordcloud, { position: 0 });
  const open = staffPoll('o1', defs.single, { position: 1, status: 'open', responses: 3, settings: { results: 'hidden' } });
  const closed = staffPoll('c1', defs.ranking, { position: 2, status: 'closed', responses: 2, results: { kind: 'ranking', scores: { x: 4, y: 2, z: 0 } } });

  it('lists drafts, open and closed polls with their state, people here and answered N of M', () => {
    renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [draft, open, closed] }));
    expect(screen.getByText('7 Personen sind gerade hier')).toBeInTheDocument();
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('aria-labelledby') && within(c).getByRole('heading').textContent)).toEqual([
      'Ein Wort für heute?', 'Lieblingsfarbe?', 'Was ist am wichtigsten?',
    ]);
    expect(within(cards[0]!).getByText('Entwurf')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('3 von 7 Anwesenden haben geantwortet')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('geschlossen')).toBeInTheDocument();
    act(() => undefined);
  });

  it('sends the lifecycle commands for each state; progress while the ack is pending', async () => {
    const user = userEvent.setup();
    const { pending } = renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [draft, open, closed] }), { manual: true });
    const [d, o, c] = screen.getAllByRole('article');
    await user.click(within(d!).getByRole('button', { name: 'Öffnen' }));
    expect(within(d!).getByRole('button', { name: 'Öffnen' })).toHaveAttribute('aria-busy', 'true');
    await user.click(within(o!).getByRole('button', { name: 'Schließen' }));
    await user.click(within(o!).getByRole('button', { name: 'Ergebnisse zeigen' }));
    await user.click(within(o!).getByRole('button', { name: 'Auf die Bühne' }));
    await user.click(within(c!).getByRole('button', { name: 'Wieder öffnen' }));
    await user.click(within(c!).getByRole('button', { name: 'Antworten löschen' }));
    expect(pending.map((p) => [p.name, p.payload])).toEqual([
      ['polls:open', { id: 'd1' }],
      ['polls:close', { id: 'o1' }],
      ['polls:reveal', { id: 'o1', revealed: true }],
      ['polls:present', { id: 'o1' }],
      ['polls:reopen', { id: 'c1' }],
      ['polls:reset', { id: 'c1' }],
    ]);
    await act(async () => pending[0]!.resolve({ ok: true, poll: { ...draft, status: 'open' } }));
    expect(within(screen.getAllByRole('article')[0]!).getByRole('button', { name: 'Schließen' })).toBeInTheDocument();
  });

  it('reorders with the keyboard, duplicates, and deletes after a confirmation', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [draft, open, closed] }), { reply: modReply([draft, open, closed]) });
    const first = screen.getAllByRole('article')[0]!;
    within(first).getByRole('button', { name: 'Ein Wort für heute? nach unten schieben' }).focus();
    await user.keyboard('{Enter}');
    expect(calls()).toContainEqual(['polls:reorder', { ids: ['o1', 'd1', 'c1'] }]);
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'))).toEqual(['poll-o1-heading', 'poll-d1-heading', 'poll-c1-heading']);
    expect(within(first).getByRole('button', { name: 'Ein Wort für heute? nach oben schieben' })).toBeEnabled();
    await user.click(within(first).getByRole('button', { name: 'Duplizieren' }));
    expect(calls()).toContainEqual(['polls:duplicate', { id: 'd1' }]);
    await user.click(within(first).getByRole('button', { name: 'Löschen' }));
    expect(calls().filter(([n]) => (n as string) === 'polls:delete')).toEqual([]);
    await user.click(within(first).getByRole('button', { name: 'Wirklich löschen' }));
    expect(calls()).toContainEqual(['polls:delete', { id: 'd1' }]);
    // The duplicate (from its ack) stays; the original is gone.
    await waitFor(() => expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'))).toEqual(['poll-o1-heading', 'poll-d1-copy-heading', 'poll-c1-heading']));
  });

  it('creates a poll with the editor and edits only the settings of a running poll', async () => {
    const user = userEvent.setup();
    const reply: Reply = (name, payload) => ((name as string) === 'polls:create' ? { ok: true, poll: staffPoll('n1', (payload as { definition: never }).definition, { position: 3 }) } : { ok: true, poll: open });
    const { calls } = renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [open] }), { reply });
    await user.click(screen.getByRole('button', { name: 'Neue Umfrage' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Art der Umfrage' }), 'wordcloud');
    await user.type(screen.getByRole('textbox', { name: 'Frage' }), 'Ein Wort?');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(calls().map(([n]) => n as string)).toContain('polls:create'));
    expect(calls().find(([n]) => (n as string) === 'polls:create')![1]).toMatchObject({ definition: { type: 'wordcloud', question: 'Ein Wort?' } });
    expect(await screen.findByRole('heading', { name: 'Ein Wort?' })).toBeInTheDocument();

    const running = screen.getAllByRole('article')[0]!;
    await user.click(within(running).getByRole('button', { name: 'Bearbeiten' }));
    expect(within(running).getByText(/nur die Einstellungen/i)).toBeInTheDocument();
    await user.click(within(running).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(calls().map(([n]) => n as string)).toContain('polls:update'));
    const update = calls().find(([n]) => (n as string) === 'polls:update')![1] as Record<string, unknown>;
    expect(update.id).toBe('o1');
    expect(update).not.toHaveProperty('definition');
  });

  it('imports a list: preview (dry run), then import', async () => {
    const user = userEvent.setup();
    const drafts = [{ definition: { type: 'open', question: 'Was nehmen Sie mit?', review: true }, settings: single.settings }];
    const reply: Reply = () => ({ ok: true, drafts, issues: [], created: [] });
    const { calls } = renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [] }), { reply });
    await user.click(screen.getByRole('button', { name: 'Importieren' }));
    await user.click(screen.getByRole('textbox', { name: 'Text zum Importieren' }));
    await user.paste('[open] Was nehmen Sie mit?');
    await user.click(screen.getByRole('button', { name: 'Vorschau' }));
    expect(calls()).toContainEqual(['polls:import', { format: 'text', source: '[open] Was nehmen Sie mit?', dryRun: true }]);
    await user.click(await screen.findByRole('button', { name: '1 Umfrage importieren' }));
    expect(calls()).toContainEqual(['polls:import', { format: 'text', source: '[open] Was nehmen Sie mit?', dryRun: false }]);
  });

  it('reviews open-text answers of an open poll', async () => {
    const user = userEvent.setup();
    const wall = staffPoll('w1', defs.open, { status: 'open', responses: 1 });
    const entry = { id: 'e1', pollId: 'w1', text: 'Viel gelernt', name: null, state: 'pending' as const, createdAt: SERVER_TIME };
    const { calls } = renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [wall], entries: [entry] }), { reply: () => ({ ok: true, changed: ['e1'], skipped: [] }) });
    await user.click(screen.getByRole('button', { name: 'Freigeben: Viel gelernt' }));
    expect(calls()).toContainEqual(['polls:review', { pollId: 'w1', entryIds: ['e1'], decision: 'approve' }]);
  });

  it('runs a quiz: start, end a question early, next, finish; leaderboard after each question', async () => {
    const user = userEvent.setup();
    const lobby = staffPoll('qz', defs.quiz, { status: 'open', quiz: { phase: 'lobby', index: -1, questionStartedAt: null, questionEndsAt: null, players: 2, leaderboard: [] } });
    const { calls, store } = renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [lobby] }), { reply: modReply([lobby]) });
    expect(screen.getByText('2 Personen spielen mit – gleich geht es los.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Erste Frage starten' }));
    const endsAt = new Date(Date.parse(SERVER_TIME) + 20_000).toISOString();
    act(() => store.getState().receiveDelta(delta(2, { type: 'polls:upsert', poll: { ...lobby, quiz: { ...lobby.quiz!, phase: 'question', index: 0, questionStartedAt: SERVER_TIME, questionEndsAt: endsAt } } })));
    expect(screen.getByText('Hauptstadt von Frankreich?')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Frage jetzt beenden' }));
    const leaderboard = [{ rank: 1, nickname: 'Ada', score: 950, correct: 1 }, { rank: 2, nickname: 'Bo', score: 0, correct: 0 }];
    act(() => store.getState().receiveDelta(delta(3, { type: 'polls:upsert', poll: { ...lobby, quiz: { ...lobby.quiz!, phase: 'review', index: 0, leaderboard } } })));
    expect(screen.getByText('Ada')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nächste Frage' }));
    act(() => store.getState().receiveDelta(delta(4, { type: 'polls:upsert', poll: { ...lobby, quiz: { ...lobby.quiz!, phase: 'review', index: 1, leaderboard } } })));
    await user.click(screen.getByRole('button', { name: 'Quiz beenden und Endstand zeigen' }));
    expect(calls().map(([n]) => n as string)).toEqual(['polls:quizNext', 'polls:quizEndQuestion', 'polls:quizNext', 'polls:quizNext']);
    // Finished (closed): the final standings stay, the run buttons go.
    act(() => store.getState().receiveDelta(delta(5, { type: 'polls:upsert', poll: { ...lobby, status: 'closed', quiz: { ...lobby.quiz!, phase: 'finished', index: 1, leaderboard } } })));
    expect(screen.getByText('Endstand')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nächste Frage' })).not.toBeInTheDocument();
  });

  it('axe finds nothing on the moderator polls panel', async () => {
    const { container } = renderWithEvent(<main><ModeratorPollsPanel /></main>, staff({ polls: [draft, open, closed] }));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('longest allowed content', () => {
  const long = (n: number, c: string) => (c.repeat(n) + ' ').repeat(1).slice(0, n);
  const question = long(POLL_LIMITS.questionMax, 'Frage ');
  const options = Array.from({ length: POLL_LIMITS.optionsMax }, (_, i) => ({ id: `o${i}`, text: `${i} ${long(POLL_LIMITS.optionMax - 3, 'W')}` }));
  const max = staffPoll('m', { type: 'multiple', question, options, maxSelections: 12 }, { status: 'open', responses: 3 });

  it('renders every text of 12 maximal options and a 300-character question in all three panels', () => {
    renderWithEvent(<PollsAttendeePanel />, snap({ polls: [publicPoll(max)] }));
    expect(screen.getAllByRole('checkbox')).toHaveLength(12);
    for (const o of options) expect(screen.getAllByText(o.text).length).toBeGreaterThan(0);
  });

  it('moderator and stage show them too', () => {
    renderWithEvent(<ModeratorPollsPanel />, staff({ polls: [max] }));
    expect(screen.getByRole('heading', { name: question.trim() })).toBeInTheDocument();
  });
});
