import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import { SERVER_TIME, group, helpRequest, round, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import { BreakoutArea } from './BreakoutArea.js';

const start = Date.parse(SERVER_TIME);
const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();

function running(over: Partial<RoundView> = {}): RoundView {
  return round('r1', {
    number: 2,
    status: 'running',
    startedAt: at(0),
    endsAt: at(120),
    groups: [
      group(0, [['me', 'Mia'], ['b', 'Ben'], ['c', null]], {
        name: 'Rot',
        topic: 'Verkehr in der Innenstadt',
        videoUrl: 'https://meet.jit.si/plenum-123456-2-1',
        result: 'Ideen:\n',
        resultVersion: 2,
      }),
      group(1, [['d', 'Dora']], { name: 'Blau' }),
    ],
    ...over,
  });
}

function renderArea(r: RoundView = running(), opts: Parameters<typeof renderWithEvent>[2] = {}) {
  return renderWithEvent(<BreakoutArea />, snapshot({ seq: 1, breakouts: { rounds: [r] } }), opts);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
  // Testing Library lets fake timers run its own waits only when it sees a `jest` global.
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const user = () => userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
const card = () => screen.getByRole('region', { name: 'Rot' });

describe('attendee group card', () => {
  it('shows the facilitators\' messages in a live log, newest last (docs/protocol.md, breakouts:message)', () => {
    renderArea(running({ messages: [{ id: 'm1', text: 'Noch 5 Minuten', at: at(60) }, { id: 'm2', text: 'Bitte zurück ins Plenum', at: at(110) }] }));
    const log = screen.getByRole('log', { name: 'Nachrichten an alle Gruppen' });
    expect(within(log).getAllByRole('listitem').map((li) => li.textContent?.replace(/^\S+\s/, ''))).toEqual(['Noch 5 Minuten', 'Bitte zurück ins Plenum']);
  });

  it('shows group, topic, the other members and the video room as a link that opens a new tab', () => {
    renderArea();
    expect(within(card()).getByText('Breakout · Runde 2')).toBeInTheDocument();
    expect(within(card()).getByText('Verkehr in der Innenstadt')).toBeInTheDocument();
    const members = within(card()).getByRole('list', { name: 'Mitglieder Ihrer Gruppe' });
    expect(within(members).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ben', 'Ohne Namen']);
    expect(within(card()).getByText('Mit Ihnen in der Gruppe: 2 Personen')).toBeInTheDocument();
    const video = within(card()).getByRole('link', { name: 'Zum Video-Raum (öffnet in neuem Tab)' });
    expect(video).toHaveAttribute('href', 'https://meet.jit.si/plenum-123456-2-1');
    expect(video).toHaveAttribute('target', '_blank');
    expect(screen.queryByText('Dora')).not.toBeInTheDocument();
  });

  it('between rounds shows the own group’s result of the last closed round, read-only', () => {
    renderArea(running({ status: 'closed', closedAt: at(100) }));
    const last = screen.getByRole('region', { name: 'Ergebnis eurer Gruppe (Rot)' });
    expect(last).toHaveTextContent('Ideen:');
    expect(within(last).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shows nothing between rounds to someone who was in no group', () => {
    renderArea(running({ status: 'closed', closedAt: at(100), groups: [group(0, [['x', 'X']], { name: 'Rot' })] }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('counts down against the server clock, warns in the last minute, then counts the call back', () => {
    // This device's clock is 40 s behind the server: the snapshot's serverTime corrects it.
    vi.setSystemTime(start - 40_000);
    const { store } = renderArea();
    expect(screen.getByRole('timer', { name: 'Verbleibende Zeit' })).toHaveTextContent('2:00');
    expect(screen.queryByText('Noch eine Minute!')).not.toBeInTheDocument();

    act(() => vi.advanceTimersByTime(61_000));
    expect(screen.getByRole('timer', { name: 'Verbleibende Zeit' })).toHaveTextContent('0:59');
    expect(screen.getByText('Noch eine Minute!')).toBeInTheDocument();

    act(() =>
      store.getState().receiveDelta({
        seq: 2,
        changes: [{ type: 'breakouts:round', round: running({ status: 'closing', endsAt: at(61), closingEndsAt: at(91) }) }],
      }),
    );
    expect(screen.getByRole('timer')).toHaveTextContent('Zurück ins Plenum in 30 s');
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Zurück ins Plenum in 20 s');

    act(() => store.getState().receiveDelta({ seq: 3, changes: [{ type: 'breakouts:round', round: running({ status: 'closed', closedAt: at(91) }) }] }));
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('asks for help, stays busy until the ack, then says help is coming', async () => {
    const u = user();
    const { pending } = renderArea(running(), { manual: true });
    const button = within(card()).getByRole('button', { name: 'Hilfe anfordern' });
    await u.click(button);
    expect(pending.map((p) => [p.name, p.payload])).toEqual([['breakouts:help', { roundId: 'r1' }]]);
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText(/Hilfe ist unterwegs/)).not.toBeInTheDocument();
    const request = helpRequest('h1', { attendeeId: 'me', at: at(5) });
    await act(async () => pending[0]!.resolve({ ok: true, request }));
    expect(screen.getByText('Hilfe ist unterwegs – ein Facilitator kommt in Ihre Gruppe.')).toHaveAttribute('role', 'status');
    expect(within(card()).queryByRole('button', { name: 'Hilfe anfordern' })).not.toBeInTheDocument();
  });

  it('sees the request resolved live (no reload) and can ask again', async () => {
    const u = user();
    const { store, pending } = renderArea(running(), { manual: true });
    // Another member asked: the personal change reaches every member of the group.
    act(() => store.getState().receivePersonal([{ type: 'breakouts:myHelp', help: [helpRequest('h1', { attendeeId: 'b', at: at(5) })] }]));
    expect(screen.getByText('Hilfe ist unterwegs – ein Facilitator kommt in Ihre Gruppe.')).toBeInTheDocument();
    expect(within(card()).queryByRole('button', { name: /Hilfe anfordern/ })).not.toBeInTheDocument();
    act(() => store.getState().receivePersonal([{ type: 'breakouts:myHelp', help: [helpRequest('h1', { attendeeId: 'b', at: at(5), resolvedAt: at(30) })] }]));
    expect(screen.getByText('Ihre Anfrage ist erledigt. Sie können jederzeit erneut Hilfe anfordern.')).toHaveAttribute('role', 'status');
    await u.click(within(card()).getByRole('button', { name: 'Erneut Hilfe anfordern' }));
    expect(pending.map((p) => [p.name, p.payload])).toEqual([['breakouts:help', { roundId: 'r1' }]]);
  });

  it('a reload shows the group’s open request from the snapshot', () => {
    renderWithEvent(<BreakoutArea />, snapshot({ seq: 1, breakouts: { rounds: [running()], help: [helpRequest('h1', { attendeeId: 'b', at: at(5) })] } }));
    expect(screen.getByText('Hilfe ist unterwegs – ein Facilitator kommt in Ihre Gruppe.')).toBeInTheDocument();
  });

  it('sends result edits after a pause, with the version they are based on', async () => {
    const u = user();
    const { calls } = renderArea(running(), {
      reply: (name, payload) => (name === 'breakouts:editResult' ? { ok: true, text: (payload as { text: string }).text, version: 3 } : { ok: true }),
    });
    const field = screen.getByRole('textbox', { name: 'Ergebnis der Gruppe' });
    expect(field).toHaveValue('Ideen:\n');
    await u.type(field, '- Radwege');
    act(() => vi.advanceTimersByTime(300));
    expect(calls()).toEqual([]);
    await act(async () => vi.advanceTimersByTime(100));
    expect(calls()).toEqual([['breakouts:editResult', { roundId: 'r1', index: 0, baseVersion: 2, text: 'Ideen:\n- Radwege' }]]);
    await waitFor(() => expect(screen.getByText('Gespeichert')).toBeInTheDocument());
  });

  it('keeps both texts when someone else saves while this member is typing', async () => {
    const u = user();
    const { calls, store } = renderArea(running(), {
      reply: (name, payload) => (name === 'breakouts:editResult' ? { ok: true, text: (payload as { text: string }).text, version: 4 } : { ok: true }),
    });
    const field = screen.getByRole('textbox', { name: 'Ergebnis der Gruppe' });
    await u.type(field, '- Radwege');
    // Ben saved a heading change before this member's edit went out.
    act(() =>
      store.getState().receiveDelta({ seq: 2, changes: [{ type: 'breakouts:result', roundId: 'r1', index: 0, text: 'Unsere Ideen:\n', version: 3 }] }),
    );
    expect(field).toHaveValue('Unsere Ideen:\n- Radwege');
    await act(async () => vi.advanceTimersByTime(400));
    expect(calls()).toEqual([['breakouts:editResult', { roundId: 'r1', index: 0, baseVersion: 3, text: 'Unsere Ideen:\n- Radwege' }]]);
  });

  it('lets attendees of a self-select round pick a group with free places', async () => {
    const u = user();
    const self = running({
      mode: 'self',
      groups: [
        group(0, [['x', 'X'], ['y', 'Y']], { name: 'Rot', capacity: 2 }),
        group(1, [['z', 'Z']], { name: 'Blau', capacity: 3 }),
      ],
    });
    const { calls } = renderArea(self);
    expect(screen.getByRole('heading', { name: 'Wählen Sie Ihre Gruppe' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rot beitreten' })).toBeDisabled();
    expect(screen.getByText('Noch 2 Plätze frei')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Blau beitreten' }));
    expect(calls()).toEqual([['breakouts:choose', { roundId: 'r1', index: 1 }]]);
  });

  it('says so when the attendee has no group in a running round', () => {
    renderArea(running({ groups: [group(0, ['b'])] }));
    expect(screen.getByRole('heading', { name: 'Runde 2 läuft' })).toBeInTheDocument();
  });
});

describe('result editing without fake timers', () => {
  beforeEach(() => vi.useRealTimers());
  it('shows an error and keeps the text when the round is over', async () => {
    renderArea(running(), {
      reply: (name) => (name === 'breakouts:editResult' ? { ok: false, error: { code: 'invalid_state', message: 'closed' } } : { ok: true }),
    });
    const field = screen.getByRole('textbox', { name: 'Ergebnis der Gruppe' });
    fireEvent.change(field, { target: { value: 'Ideen:\nspät' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Die Runde ist vorbei – das Ergebnis kann nicht mehr geändert werden.');
    expect(field).toHaveValue('Ideen:\nspät');
    expect(screen.getByText('Nicht gespeichert')).toBeInTheDocument();
  });
});
