import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanReport } from '../../../shared/breakouts/engine.js';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import { SERVER_TIME, group, helpRequest, person, round, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent, type Reply } from '../../testing/render.js';
import { AnnouncerProvider } from '../../ui/Announcer.js';
import { FacilitatorBoard } from './FacilitatorBoard.js';

const TOKEN = 'f'.repeat(20);

const people = [
  person('ada', { name: 'Ada', attributes: { company: 'ACME' } }),
  person('ben', { name: 'Ben', attributes: { company: 'ACME' } }),
  person('cem', { name: 'Cem', attributes: { company: 'Globex' } }),
  person('dia', { name: 'Dia', online: false }),
];

const report = (over: Partial<PlanReport> = {}): PlanReport => ({
  people: 3,
  groups: 2,
  rounds: 1,
  repeatedPairs: 0,
  repeats: [],
  repeatLowerBound: 0,
  minSize: 1,
  maxSize: 2,
  sizeSpread: 1,
  violations: [],
  method: 'search',
  iterations: 10,
  ...over,
});

function draft(over: Partial<RoundView> = {}): RoundView {
  return round('r1', {
    groups: [group(0, [['ada', 'Ada'], ['ben', 'Ben']], { name: 'Rot' }), group(1, [['cem', 'Cem']], { name: 'Blau' })],
    locked: [],
    report: report(),
    ...over,
  });
}

function renderBoard(rounds: RoundView[] = [], opts: { reply?: Reply; manual?: boolean; help?: ReturnType<typeof helpRequest>[] } = {}) {
  return renderWithEvent(
    <AnnouncerProvider>
      <FacilitatorBoard token={TOKEN} />
    </AnnouncerProvider>,
    snapshot({
      seq: 1,
      me: { role: 'facilitator', id: 'facilitator' },
      event: {
        settings: {
          ...snapshot().event.settings,
          attendeeFields: [{ key: 'company', label: 'Firma', required: true }],
          breakouts: { closingSec: 45 },
        },
      },
      breakouts: { rounds, help: opts.help ?? [] },
      people: { people },
    }),
    opts,
  );
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(new Response(JSON.stringify({ entries: [] }), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('facilitator panel: planning', () => {
  it('emits breakouts:plan with the form values and constraints picked from the people list', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard([], { reply: () => ({ ok: true, rounds: [] }) });
    expect(screen.getByText('3 von 4 online')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Im Plenum' })).getAllByText('Firma: ACME')).toHaveLength(2);

    await user.click(screen.getByRole('radio', { name: 'Nach Anzahl der Gruppen' }));
    const count = screen.getByRole('spinbutton', { name: 'Anzahl der Gruppen' });
    await user.clear(count);
    await user.type(count, '2');
    await user.click(screen.getByRole('radio', { name: /Nach Merkmal verteilen/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Merkmal' }), 'company');
    const rounds = screen.getByRole('spinbutton', { name: 'Runden im Voraus planen' });
    await user.clear(rounds);
    await user.type(rounds, '3');
    const minutes = screen.getByRole('spinbutton', { name: 'Dauer pro Runde (Minuten)' });
    await user.clear(minutes);
    await user.type(minutes, '10');
    await user.type(screen.getByRole('textbox', { name: 'Gruppennamen (einer pro Zeile)' }), 'Rot{enter}Blau');
    await user.type(screen.getByRole('textbox', { name: 'Vorlage für Video-Links' }), 'https://meet.jit.si/x-{{event}-{{round}-{{group}');

    const list = screen.getByRole('list', { name: 'Im Plenum' });
    await user.click(within(list).getByRole('checkbox', { name: 'Ada' }));
    await user.click(within(list).getByRole('checkbox', { name: 'Ben' }));
    await user.click(screen.getByRole('button', { name: 'Auswahl getrennt halten' }));
    expect(screen.getByText('Getrennt: Ada, Ben')).toBeInTheDocument();
    expect(within(list).getByRole('checkbox', { name: 'Ada' })).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Gruppen planen' }));
    // The form is saved on the server too (plan settings per event).
    await waitFor(() => expect(calls().at(-1)?.[0]).toBe('breakouts:planSettings'));
    expect(calls().at(-1)?.[1]).toMatchObject({ settings: { shape: 'groups', count: '2', mode: 'spread', spread: 'company', rounds: '3', minutes: '10', names: 'Rot\nBlau', apart: [['ada', 'ben']], includeAbsent: true } });
    expect(calls().filter(([name]) => name === 'breakouts:plan')).toEqual([
      [
        'breakouts:plan',
        {
          rounds: 3,
          groups: 2,
          mode: 'spread',
          durationSec: 600,
          constraints: { apart: [['ada', 'ben']], spread: ['company'] },
          names: ['Rot', 'Blau'],
          videoTemplate: 'https://meet.jit.si/x-{event}-{round}-{group}',
        },
      ],
    ]);
  });

  it('refuses size 0 in the form and sends nothing', async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard();
    const size = screen.getByRole('spinbutton', { name: 'Personen pro Gruppe (höchstens)' });
    await user.clear(size);
    await user.type(size, '0');
    await user.click(screen.getByRole('button', { name: 'Gruppen planen' }));
    expect(size).toHaveAccessibleDescription('Bitte eine ganze Zahl ab 1 eingeben.');
    expect(calls()).toEqual([]);
  });

  it('shows progress while planning and explains a plan the engine refuses, in words', async () => {
    const user = userEvent.setup();
    const { pending } = renderBoard([], { manual: true });
    await user.click(screen.getByRole('button', { name: 'Gruppen planen' }));
    expect(screen.getByRole('progressbar', { name: 'Die Gruppen werden geplant…' })).toBeInTheDocument();
    await act(async () =>
      pending[0]!.resolve({ ok: false, error: { code: 'plan_failed', message: 'x', params: { reason: 'invalid_group_count', groups: 9, people: 3 } } }),
    );
    expect(screen.queryByRole('progressbar', { name: 'Die Gruppen werden geplant…' })).not.toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('9 Gruppen für 3 Personen – mindestens eine Gruppe bliebe leer. Bitte weniger Gruppen wählen.');
  });

  it('names people in a refused constraint', async () => {
    const user = userEvent.setup();
    renderBoard([], {
      reply: () => ({
        ok: false,
        error: { code: 'plan_failed', message: 'x', params: { reason: 'apart_too_large', count: 3, groups: 2, ids: 'ada,ben,cem' } },
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Gruppen planen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('3 Personen sollen getrennt bleiben (Ada, Ben, Cem), aber es gibt nur 2 Gruppen.');
  });
});

describe('facilitator panel: plan settings kept per event', () => {
  it('a reload starts from the saved settings; a change is saved after a pause; absent roster people can be left out', async () => {
    const user = userEvent.setup();
    const saved = {
      shape: 'groups' as const, count: '3', mode: 'mix' as const, spread: '', capacity: '', rounds: '2', minutes: '20',
      names: 'Rot\nBlau', topics: 'Verkehr\nWohnen', videoTemplate: 'https://meet.jit.si/x-{group}', apart: [['ada', 'ben']], together: [], includeAbsent: true,
    };
    const { calls } = renderWithEvent(
      <AnnouncerProvider>
        <FacilitatorBoard token={TOKEN} />
      </AnnouncerProvider>,
      snapshot({ seq: 1, me: { role: 'facilitator', id: 'facilitator' }, breakouts: { rounds: [], help: [], planSettings: saved }, people: { people: [...people, person('eve', { name: 'Eve', online: false, invited: true })] } }),
      { reply: (name) => (name === 'breakouts:plan' ? { ok: true, rounds: [] } : { ok: true, settings: saved }) },
    );
    expect(screen.getByRole('radio', { name: 'Nach Anzahl der Gruppen' })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Anzahl der Gruppen' })).toHaveValue(3);
    expect(screen.getByRole('textbox', { name: 'Gruppennamen (einer pro Zeile)' })).toHaveValue('Rot\nBlau');
    expect(screen.getByText('Getrennt: Ada, Ben')).toBeInTheDocument();
    const absent = screen.getByRole('checkbox', { name: 'Auch 1 Person der Teilnehmerliste einplanen, die noch nicht da ist' });
    expect(absent).toBeChecked();
    await user.click(absent);
    await waitFor(() => expect(calls()).toEqual([['breakouts:planSettings', { settings: { ...saved, includeAbsent: false } }]]), { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Gruppen planen' }));
    expect(calls().find(([name]) => name === 'breakouts:plan')?.[1]).toMatchObject({ groups: 3, rounds: 2, includeAbsent: false });
  });
});

describe('facilitator panel: draft preview', () => {
  it('shows the groups as columns with their members, and the report with violations in words', () => {
    renderBoard([
      draft({
        report: report({
          repeatedPairs: 1,
          repeats: [{ a: 'ada', b: 'ben', rounds: [0], historyMeetings: 1 }],
          violations: [
            { kind: 'apart', round: 0, groups: [0], ids: ['ada', 'ben'] },
            { kind: 'spread', round: 0, groups: [0], ids: ['ada', 'ben'], attribute: 'company', value: 'ACME', limit: 1 },
          ],
        }),
      }),
    ]);
    const red = screen.getByRole('region', { name: 'Rot (2)' });
    expect(within(within(red).getByRole('list', { name: 'Mitglieder von Rot' })).getAllByRole('listitem').map((li) => li.querySelector('.member-name')?.textContent)).toEqual([
      'Ada',
      'Ben',
    ]);
    expect(within(screen.getByRole('region', { name: 'Blau (1)' })).getByText('Cem')).toBeInTheDocument();
    const rep = screen.getByRole('region', { name: 'Bericht zur Einteilung' });
    expect(within(rep).getByText('1 wiederholte Begegnung: Ada & Ben')).toBeInTheDocument();
    expect(within(rep).getByText('„Getrennt halten“ nicht erfüllt in Rot: Ada, Ben')).toBeInTheDocument();
    expect(within(rep).getByText('Rot: 2 Personen mit company „ACME“, erlaubt sind höchstens 1 (Ada, Ben)')).toBeInTheDocument();
    expect(within(rep).getByText('Gruppengrößen: 1 bis 2 Personen.')).toBeInTheDocument();
  });

  it('moves a person by keyboard with the "move to" select, announces it and keeps focus on the person', async () => {
    const user = userEvent.setup();
    const { calls, store } = renderBoard([draft()]);
    const move = screen.getByRole('combobox', { name: 'Verschieben: Ada' });
    move.focus();
    await user.selectOptions(move, 'Blau');
    // Choosing only selects (a closed list changes its value with one arrow key); Enter moves.
    expect(calls()).toEqual([]);
    await user.keyboard('{Enter}');
    expect(calls()).toEqual([['breakouts:move', { roundId: 'r1', personId: 'ada', toGroup: 1 }]]);
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('Ada ist jetzt in Blau.'));
    act(() =>
      store.getState().receiveDelta({
        seq: 2,
        changes: [{ type: 'breakouts:round', round: draft({ groups: [group(0, [['ben', 'Ben']], { name: 'Rot' }), group(1, [['cem', 'Cem'], ['ada', 'Ada']], { name: 'Blau' })] }) }],
      }),
    );
    expect(within(screen.getByRole('region', { name: 'Blau (2)' })).getByText('Ada')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Verschieben: Ada' })).toHaveFocus());
  });

  it('a single arrow key on the closed "move to" list moves nobody; the button stays off until a group is chosen', async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard([draft()]);
    const move = screen.getByRole('combobox', { name: 'Verschieben: Ada' });
    const button = screen.getByRole('button', { name: 'Ada in die gewählte Gruppe verschieben' });
    expect(button).toBeDisabled();
    move.focus();
    await user.keyboard('{ArrowDown}');
    // What browsers do on a closed list: the value changes at once.
    fireEvent.change(move, { target: { value: '1' } });
    expect(calls()).toEqual([]);
    expect(button).toBeEnabled();
    await user.click(button);
    expect(calls()).toEqual([['breakouts:move', { roundId: 'r1', personId: 'ada', toGroup: 1 }]]);
  });

  it('dropping onto a person moves into that column (no accidental swap)', () => {
    const { calls } = renderBoard([draft()]);
    const ada = within(screen.getByRole('region', { name: 'Rot (2)' })).getByText('Ada').closest('li')!;
    const cem = within(screen.getByRole('region', { name: 'Blau (1)' })).getByText('Cem').closest('li')!;
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '', get types() { return [...data.keys()]; }, dropEffect: '', effectAllowed: '' };
    fireEvent.dragStart(ada, { dataTransfer });
    fireEvent.dragOver(cem, { dataTransfer });
    fireEvent.drop(cem, { dataTransfer });
    expect(calls()).toEqual([['breakouts:move', { roundId: 'r1', personId: 'ada', toGroup: 1 }]]);
  });

  it('touch drag on a tablet: the finger lifted over a column moves the person there', () => {
    const { calls } = renderBoard([draft()]);
    const blue = screen.getByRole('region', { name: 'Blau (1)' });
    const original = document.elementFromPoint;
    document.elementFromPoint = () => blue;
    try {
      const handle = screen.getByTestId('drag-ada');
      fireEvent.pointerDown(handle, { pointerId: 5, pointerType: 'touch', clientX: 10, clientY: 10 });
      fireEvent.pointerMove(handle, { pointerId: 5, pointerType: 'touch', clientX: 300, clientY: 10 });
      expect(blue).toHaveClass('is-drop-target');
      fireEvent.pointerUp(handle, { pointerId: 5, pointerType: 'touch', clientX: 300, clientY: 10 });
    } finally {
      document.elementFromPoint = original;
    }
    expect(calls()).toEqual([['breakouts:move', { roundId: 'r1', personId: 'ada', toGroup: 1 }]]);
  });

  it('shows a broken rule on its group and its people, and uneven sizes on the groups', () => {
    renderBoard([
      draft({
        groups: [group(0, [['ada', 'Ada'], ['ben', 'Ben'], ['cem', 'Cem']], { name: 'Rot' }), group(1, [], { name: 'Blau' })],
        report: report({ minSize: 0, maxSize: 3, sizeSpread: 3, violations: [{ kind: 'apart', round: 0, groups: [0], ids: ['ada', 'ben'] }] }),
      }),
    ]);
    const red = screen.getByRole('region', { name: 'Rot (3)' });
    // Once on the group, once on each of the two people.
    expect(within(red).getAllByText('„Getrennt halten“ verletzt')).toHaveLength(3);
    expect(within(within(red).getByText('Ada').closest('li')!).getByText('„Getrennt halten“ verletzt')).toBeInTheDocument();
    expect(within(within(red).getByText('Cem').closest('li')!).queryByText('„Getrennt halten“ verletzt')).not.toBeInTheDocument();
    expect(within(red).getByText('Zu groß')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Blau (0)' })).getByText('Zu klein')).toBeInTheDocument();
  });

  it('swaps two people, locks one, reshuffles and discards', async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard([draft()]);
    await user.click(screen.getByRole('button', { name: 'Tauschen: Ada' }));
    expect(screen.getByRole('button', { name: 'Tauschen: Ada' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Tauschen: Cem mit Ada' }));
    await user.click(screen.getByRole('button', { name: 'Fixieren: Ben' }));
    await user.click(screen.getByRole('button', { name: 'Neu mischen' }));
    await user.click(screen.getByRole('button', { name: 'Entwurf verwerfen' }));
    await user.click(screen.getByRole('button', { name: 'Ja, verwerfen' }));
    expect(calls()).toEqual([
      ['breakouts:swap', { roundId: 'r1', a: 'ada', b: 'cem' }],
      ['breakouts:lock', { roundId: 'r1', personId: 'ben', locked: true }],
      ['breakouts:reshuffle', { roundId: 'r1' }],
      ['breakouts:discard', { roundId: 'r1' }],
    ]);
  });

  it('edits a group name, topic and video link', async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard([draft()]);
    await user.click(screen.getByRole('button', { name: 'Bearbeiten: Blau' }));
    await user.type(screen.getByRole('textbox', { name: 'Thema' }), 'Radwege');
    await user.type(screen.getByRole('textbox', { name: 'Video-Link' }), 'https://meet.example.org/blau');
    await user.click(screen.getByRole('button', { name: 'Gruppe speichern' }));
    expect(calls()).toEqual([['breakouts:group', { roundId: 'r1', index: 1, name: 'Blau', topic: 'Radwege', videoUrl: 'https://meet.example.org/blau' }]]);
  });

  it('starts the round with the chosen duration', async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard([draft()]);
    const duration = screen.getByRole('spinbutton', { name: 'Dauer (Minuten)' });
    expect(duration).toHaveValue(15);
    await user.clear(duration);
    await user.type(duration, '20');
    await user.click(screen.getByRole('button', { name: 'Runde starten' }));
    expect(calls()).toEqual([['breakouts:start', { roundId: 'r1', durationSec: 1200 }]]);
  });
});

describe('facilitator panel: running and closed rounds', () => {
  const start = Date.parse(SERVER_TIME);
  const at = (s: number) => new Date(start + s * 1000).toISOString();
  const live = () => draft({ status: 'running', startedAt: at(0), endsAt: at(300), report: undefined });

  it('extends, broadcasts and closes with the countdown from the settings', async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard([live()]);
    expect(screen.getByRole('timer', { name: 'Verbleibende Zeit' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '+1 Minute' }));
    await user.click(screen.getByRole('button', { name: '+5 Minuten' }));
    await user.type(screen.getByRole('textbox', { name: 'Nachricht an alle Gruppen' }), 'Noch 5 Minuten{enter}');
    expect(await screen.findByText('Nachricht gesendet.')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Countdown bis zur Rückkehr (Sekunden)' })).toHaveValue(45);
    await user.click(screen.getByRole('button', { name: 'Runde beenden' }));
    expect(calls()).toEqual([
      ['breakouts:extend', { roundId: 'r1', seconds: 60 }],
      ['breakouts:extend', { roundId: 'r1', seconds: 300 }],
      ['breakouts:message', { roundId: 'r1', text: 'Noch 5 Minuten' }],
      ['breakouts:close', { roundId: 'r1', countdownSec: 45 }],
    ]);
  });

  it('moves people while the round runs', async () => {
    const user = userEvent.setup();
    const { calls } = renderBoard([live()]);
    expect(screen.queryByRole('button', { name: 'Fixieren: Ada' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Verschieben: Cem' }), 'Rot');
    await user.click(screen.getByRole('button', { name: 'Cem in die gewählte Gruppe verschieben' }));
    expect(calls()).toEqual([['breakouts:move', { roundId: 'r1', personId: 'cem', toGroup: 0 }]]);
  });

  it('lists help requests newest first, announces new ones and resolves them', async () => {
    const user = userEvent.setup();
    const { calls, store } = renderBoard([live()], {
      help: [helpRequest('h1', { groupName: 'Rot', at: at(10) }), helpRequest('h0', { groupName: 'Blau', at: at(5), resolvedAt: at(8) })],
    });
    const panel = screen.getByRole('region', { name: 'Hilferufe (1 offen)' });
    act(() =>
      store.getState().receiveDelta({ seq: 2, changes: [{ type: 'breakouts:help', request: helpRequest('h2', { groupName: 'Blau', name: 'Cem', groupIndex: 1, at: at(20) }) }] }),
    );
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('Neuer Hilferuf aus Blau (Cem)'));
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Blau', 'Rot', 'Blau']);
    expect(within(items[2]!).getByText('Erledigt')).toBeInTheDocument();
    await user.click(within(items[0]!).getByRole('button', { name: 'Als erledigt markieren: Blau' }));
    expect(calls()).toEqual([['breakouts:resolveHelp', { id: 'h2' }]]);
  });

  it('a new help request beeps (unless muted), counts in the tab title until seen, and links to the group’s video room', async () => {
    const user = userEvent.setup();
    const tones: number[] = [];
    class FakeAudio {
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { frequency: { value: 0 }, connect() {}, start: () => tones.push(1), stop() {}, onended: null };
      }
      createGain() {
        return { gain: { value: 0 }, connect() {} };
      }
      close() {}
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    localStorage.removeItem('plenum:helpSoundMuted');
    document.title = 'Plenum';
    const withVideo = draft({ status: 'running', startedAt: at(0), endsAt: at(300), report: undefined, groups: [group(0, [['ada', 'Ada'], ['ben', 'Ben']], { name: 'Rot', videoUrl: 'https://meet.jit.si/rot' }), group(1, [['cem', 'Cem']], { name: 'Blau' })] });
    const { store } = renderBoard([withVideo]);
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'breakouts:help', request: helpRequest('h1', { groupName: 'Rot', at: at(10) }) }] }));
    await waitFor(() => expect(document.title).toBe('(1) Hilfe angefordert – Plenum'));
    expect(tones).toHaveLength(1);
    const panel = screen.getByRole('region', { name: 'Hilferufe (1 offen)' });
    expect(within(panel).getByRole('link', { name: /Gruppe beitreten: Rot/ })).toHaveAttribute('href', 'https://meet.jit.si/rot');
    // Seen: the facilitator comes back to the tab.
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(document.title).toBe('Plenum'));
    // Muted: the next request is silent (the title still counts it).
    await user.click(within(panel).getByRole('checkbox', { name: 'Ton bei neuen Hilferufen' }));
    act(() => store.getState().receiveDelta({ seq: 3, changes: [{ type: 'breakouts:help', request: helpRequest('h2', { groupName: 'Blau', groupIndex: 1, at: at(20) }) }] }));
    await waitFor(() => expect(document.title).toBe('(1) Hilfe angefordert – Plenum'));
    expect(tones).toHaveLength(1);
    expect(localStorage.getItem('plenum:helpSoundMuted')).toBe('1');
    localStorage.removeItem('plenum:helpSoundMuted');
  });

  it('exports all results of a closed round as Markdown and CSV in one click each', async () => {
    const user = userEvent.setup();
    const files: Array<{ name: string; text: Promise<string> }> = [];
    const blobs = new Map<string, Blob>();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => { const u = `blob:${blobs.size}`; blobs.set(u, b); return u; }, revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href)!;
      files.push({ name: this.download, text: new Promise((resolve) => { const r = new FileReader(); r.onload = () => resolve(String(r.result)); r.readAsText(blob); }) });
    });
    const closed = draft({ status: 'closed', closedAt: at(900), groups: [group(0, [['ada', 'Ada']], { name: 'Rot', result: 'Mehr Radwege' }), group(1, [['cem', 'Cem']], { name: 'Blau' })] });
    renderBoard([closed]);
    await user.click(screen.getByRole('button', { name: 'Alle Ergebnisse als Markdown' }));
    await user.click(screen.getByRole('button', { name: 'Alle Ergebnisse als CSV' }));
    click.mockRestore();
    expect(files.map((f) => f.name)).toEqual(['runde-1-ergebnisse.md', 'runde-1-ergebnisse.csv']);
    expect(await files[0]!.text).toContain('## Rot\n\n**Mitglieder:** Ada\n\nMehr Radwege');
    expect(await files[1]!.text).toContain('"Blau","","Cem",""');
  });

  it('shows each group result of a closed round and puts them on the stage', async () => {
    const user = userEvent.setup();
    const closed = draft({
      status: 'closed',
      closedAt: at(400),
      groups: [group(0, ['ada'], { name: 'Rot', result: 'Mehr Radwege' }), group(1, ['cem'], { name: 'Blau' })],
    });
    const { calls } = renderBoard([closed]);
    const results = screen.getByRole('list', { name: 'Ergebnisse der Gruppen' });
    expect(within(results).getByText('Mehr Radwege')).toBeInTheDocument();
    expect(within(results).getByText('(kein Ergebnis eingetragen)')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Ergebnisse auf der Bühne zeigen' }));
    expect(calls()).toEqual([['breakouts:showResults', { roundId: 'r1', show: true }]]);
  });

  it('keeps the running round pinned with its clock and controls while another round is opened for planning', async () => {
    const user = userEvent.setup();
    const running = draft({ status: 'running', startedAt: at(0), endsAt: at(300), report: undefined });
    const next = draft({ id: 'r2', number: 2 });
    renderBoard([running, next]);
    await user.click(screen.getByRole('button', { name: /Runde 2/ }));
    const pinned = screen.getByRole('region', { name: /Läuft gerade: Runde 1/ });
    expect(within(pinned).getByRole('timer')).toBeInTheDocument();
    await user.click(within(pinned).getByRole('button', { name: 'Laufende Runde öffnen' }));
    expect(screen.queryByRole('region', { name: /Läuft gerade/ })).not.toBeInTheDocument();
  });

  it('the people list shows who is in which group and who is in none', () => {
    renderBoard([draft({ status: 'running', startedAt: at(0), endsAt: at(300), report: undefined })]);
    const list = screen.getByRole('list', { name: 'Im Plenum' });
    const row = (name: string) => within(list).getByText(name, { selector: '.person-name' }).closest('li')!;
    expect(within(row('Ada')).getByText('Rot')).toBeInTheDocument();
    expect(within(row('Cem')).getByText('Blau')).toBeInTheDocument();
    expect(within(row('Dia')).getByText('Nicht eingeteilt')).toBeInTheDocument();
  });

  it('late arrivals are marked in the people list and on the board; on-time people are not', () => {
    renderBoard([draft({ status: 'running', startedAt: at(0), endsAt: at(300), report: undefined, late: { cem: at(120) } })]);
    const list = screen.getByRole('list', { name: 'Im Plenum' });
    const row = (name: string) => within(list).getByText(name, { selector: '.person-name' }).closest('li')!;
    const time = new Intl.DateTimeFormat('de', { hour: '2-digit', minute: '2-digit' }).format(new Date(at(120)));
    expect(within(row('Cem')).getByText(`spät · ${time}`)).toBeInTheDocument();
    expect(within(row('Cem')).getByText('Blau')).toBeInTheDocument();
    expect(within(row('Ada')).queryByText(/spät/)).not.toBeInTheDocument();
    expect(within(row('Dia')).queryByText(/spät/)).not.toBeInTheDocument();
    const blau = screen.getByRole('region', { name: /Blau/ });
    expect(within(blau).getByText(`spät · ${time}`)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: /Rot/ })).queryByText(/spät/)).not.toBeInTheDocument();
  });

  it('lists every round with its state and opens the one chosen', async () => {
    const user = userEvent.setup();
    renderBoard([
      draft({ id: 'r1', number: 1, status: 'closed', closedAt: at(1) }),
      draft({ id: 'r2', number: 2, status: 'running', startedAt: at(0), endsAt: at(300) }),
      draft({ id: 'r3', number: 3 }),
    ]);
    const nav = screen.getByRole('navigation', { name: 'Runden' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Runde 1Beendet', 'Runde 2Läuft', 'Runde 3Entwurf']);
    expect(within(nav).getByRole('button', { name: 'Runde 2 Läuft' })).toHaveAttribute('aria-current', 'true');
    await user.click(within(nav).getByRole('button', { name: 'Runde 3 Entwurf' }));
    expect(screen.getByRole('heading', { name: 'Runde 3' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Runde starten' })).toBeDisabled();
    expect(screen.getByText('Es läuft bereits eine Runde. Beenden Sie sie, bevor Sie diese starten.')).toBeInTheDocument();
  });
});

describe('facilitator panel: status messages clear themselves, errors stay', () => {
  const start = Date.parse(SERVER_TIME);
  const at = (s: number) => new Date(start + s * 1000).toISOString();
  const live = () => draft({ status: 'running', startedAt: at(0), endsAt: at(300), report: undefined });
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

  it('"message sent" is announced in its status line and goes after a few seconds', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderBoard([live()]);
    await user.type(screen.getByRole('textbox', { name: 'Nachricht an alle Gruppen' }), 'Noch 5 Minuten{enter}');
    const line = (await screen.findByText('Nachricht gesendet.')).closest('[role="status"]')!;
    expect(line).toBeInTheDocument();
    await wait(3000);
    expect(line).toHaveTextContent('Nachricht gesendet.');
    await wait(2500);
    expect(line).toHaveTextContent('');
    // The live region stays in the page, so the next message is announced again.
    await user.type(screen.getByRole('textbox', { name: 'Nachricht an alle Gruppen' }), 'Zurück ins Plenum{enter}');
    await waitFor(() => expect(line).toHaveTextContent('Nachricht gesendet.'));
  });

  it('an error stays until the next try replaces it', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let fail = true;
    renderBoard([live()], { reply: () => (fail ? { ok: false, error: { code: 'rate_limited', message: 'slow down' } } : { ok: true }) });
    await user.type(screen.getByRole('textbox', { name: 'Nachricht an alle Gruppen' }), 'Hallo{enter}');
    const alert = await screen.findByRole('alert');
    const text = alert.textContent;
    await wait(20_000);
    expect(screen.getByRole('alert')).toHaveTextContent(text!);
    fail = false;
    await user.type(screen.getByRole('textbox', { name: 'Nachricht an alle Gruppen' }), '{enter}');
    expect(await screen.findByText('Nachricht gesendet.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('what the announcer said for screen readers is cleared after a few seconds', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderBoard([draft()]);
    const move = screen.getByRole('combobox', { name: 'Verschieben: Ada' });
    move.focus();
    await user.selectOptions(move, 'Blau');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('Ada ist jetzt in Blau.'));
    await wait(5500);
    expect(screen.getByTestId('announcer')).toHaveTextContent('');
  });

  it('"n people imported" goes after a few seconds; the personal links stay open', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const entry = { attendeeId: 'x1', name: 'Ada', email: null, attributes: {}, link: 'http://localhost/e/123456?invite=tok' };
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) =>
      new Response(JSON.stringify({ entries: init.method === 'POST' || fetchMock.mock.calls.length > 2 ? [entry] : [] }), { status: 200 }),
    );
    renderBoard();
    await user.click(screen.getByRole('textbox', { name: 'Oder CSV-Text hier einfügen' }));
    await user.paste('name\nAda');
    await user.click(screen.getByRole('button', { name: 'Liste importieren' }));
    expect(await screen.findByText('1 Person importiert.')).toBeInTheDocument();
    expect(await screen.findByText('http://localhost/e/123456?invite=tok')).toBeVisible();
    await wait(5500);
    expect(screen.queryByText('1 Person importiert.')).not.toBeInTheDocument();
    expect(screen.getByText('http://localhost/e/123456?invite=tok')).toBeVisible();
  });
});

describe('facilitator panel: roster import', () => {
  it('posts the pasted CSV with the facilitator token and shows the personal links', async () => {
    const user = userEvent.setup();
    const entry = { attendeeId: 'x1', name: 'Ada', email: 'ada@example.org', attributes: { company: 'ACME' }, link: 'http://localhost/e/123456?invite=tok' };
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) =>
      new Response(JSON.stringify({ entries: init.method === 'POST' || fetchMock.mock.calls.length > 2 ? [entry] : [] }), { status: 200 }),
    );
    renderBoard();
    await user.click(screen.getByRole('textbox', { name: 'Oder CSV-Text hier einfügen' }));
    await user.paste('name,email,company\nAda,ada@example.org,ACME');
    await user.click(screen.getByRole('button', { name: 'Liste importieren' }));
    expect(await screen.findByText('1 Person importiert.')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, init]) => (init as RequestInit).method === 'POST')!;
    expect(post[0]).toBe('/api/events/ev1/roster');
    expect((post[1] as RequestInit).headers).toMatchObject({ 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` });
    expect((post[1] as RequestInit).body).toBe('name,email,company\nAda,ada@example.org,ACME');
    expect(await screen.findByText('http://localhost/e/123456?invite=tok')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Link kopieren: Ada' })).toBeInTheDocument();
  });

  it('shows why the file was refused', async () => {
    const user = userEvent.setup();
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) =>
      init.method === 'POST'
        ? new Response(JSON.stringify({ error: { code: 'invalid_payload', message: 'line 3: the name is empty' } }), { status: 400 })
        : new Response(JSON.stringify({ entries: [] }), { status: 200 }),
    );
    renderBoard();
    await user.click(screen.getByRole('textbox', { name: 'Oder CSV-Text hier einfügen' }));
    await user.paste('name\nAda\n,');
    await user.click(screen.getByRole('button', { name: 'Liste importieren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Die Liste konnte nicht gelesen werden. (line 3: the name is empty)');
  });

  it('a file over 1 MB is refused naming the limit, an empty file says it is empty; nothing is sent', async () => {
    const user = userEvent.setup();
    renderBoard();
    const input = screen.getByLabelText('CSV-Datei wählen');
    const big = new File(['x'.repeat(1024 * 1024 + 1)], 'gross.csv', { type: 'text/csv' });
    await user.upload(input, big);
    expect(await screen.findByRole('alert')).toHaveTextContent('Die Datei ist zu groß: Listen über 1 MB werden nicht angenommen (gross.csv).');
    await user.upload(input, new File([''], 'leer.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Die Datei ist leer (leer.csv).'));
    expect(fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST')).toEqual([]);
  });

  it('a pasted text the server refuses as too large names the limit (413)', async () => {
    const user = userEvent.setup();
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) =>
      init.method === 'POST'
        ? new Response(JSON.stringify({ error: { code: 'invalid_payload', message: 'request body too large' } }), { status: 413 })
        : new Response(JSON.stringify({ entries: [] }), { status: 200 }),
    );
    renderBoard();
    await user.click(screen.getByRole('textbox', { name: 'Oder CSV-Text hier einfügen' }));
    await user.paste('name\nAda');
    await user.click(screen.getByRole('button', { name: 'Liste importieren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('über 1 MB');
  });
});
