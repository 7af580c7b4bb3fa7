import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import type { PollDraft } from '../../../shared/polls/schemas.js';
import { loadPollsI18n } from '../testing.js';
import { emptyState, fromDraft, toDraftInput, validate } from './editor-state.js';
import { ImportDialog } from './ImportDialog.js';
import { PollEditor } from './PollEditor.js';

beforeAll(loadPollsI18n);

const ok = () => vi.fn(async (_draft: PollDraft) => ({ ok: true as const }));

describe('poll editor', () => {
  it('builds a single-choice draft with default settings', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<PollEditor onSubmit={onSubmit} />);
    await user.type(screen.getByRole('textbox', { name: 'Frage' }), 'Wie gefällt es Ihnen?');
    await user.type(screen.getByRole('textbox', { name: 'Option 1' }), 'Gut');
    await user.type(screen.getByRole('textbox', { name: 'Option 2' }), 'Geht so');
    await user.click(screen.getByRole('button', { name: 'Option hinzufügen' }));
    await user.type(screen.getByRole('textbox', { name: 'Option 3' }), 'Schlecht');
    await user.click(screen.getByRole('button', { name: 'Option 3 nach oben' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit).toHaveBeenCalledWith({
      definition: {
        type: 'single', question: 'Wie gefällt es Ihnen?',
        options: [{ id: 'o1', text: 'Gut' }, { id: 'o3', text: 'Schlecht' }, { id: 'o2', text: 'Geht so' }],
      },
      settings: { results: 'live', identity: 'anonymous', allowChange: false, timerSec: null },
    });
  });

  it('lists what is missing instead of sending', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<PollEditor onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Die Frage fehlt.')).toBeInTheDocument();
    expect(within(alert).getByText('Eintrag 1 ist leer.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Frage' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('options: at most 12, at least 2 (remove disabled at 2)', async () => {
    const user = userEvent.setup();
    render(<PollEditor onSubmit={ok()} />);
    expect(screen.getByRole('button', { name: 'Option 1 entfernen' })).toBeDisabled();
    for (let i = 2; i < POLL_LIMITS.optionsMax; i++) await user.click(screen.getByRole('button', { name: 'Option hinzufügen' }));
    expect(screen.getAllByRole('textbox', { name: /^Option \d+$/ })).toHaveLength(12);
    expect(screen.getByRole('button', { name: 'Option hinzufügen' })).toBeDisabled();
  });

  it('multiple choice with max selections, settings: hidden results, named, change allowed, timer', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<PollEditor onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Art der Umfrage' }), 'multiple');
    await user.type(screen.getByRole('textbox', { name: 'Frage' }), 'Themen?');
    await user.type(screen.getByRole('textbox', { name: 'Option 1' }), 'KI');
    await user.type(screen.getByRole('textbox', { name: 'Option 2' }), 'Cloud');
    await user.click(screen.getByRole('button', { name: 'Option hinzufügen' }));
    await user.type(screen.getByRole('textbox', { name: 'Option 3' }), 'Daten');
    const max = screen.getByRole('spinbutton', { name: 'Höchstens so viele Antworten pro Person' });
    await user.clear(max);
    await user.type(max, '2');
    await user.click(screen.getByRole('radio', { name: /Verborgen, bis ich sie freigebe/ }));
    await user.click(screen.getByRole('radio', { name: /Mit Namen/ }));
    await user.click(screen.getByRole('checkbox', { name: /dürfen ihre Antwort ändern/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Automatisch schließen nach einer Zeit' }));
    const timer = screen.getByRole('spinbutton', { name: /Sekunden bis zum Schließen/ });
    await user.clear(timer);
    await user.type(timer, '90');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      definition: { type: 'multiple', question: 'Themen?', maxSelections: 2, options: [{ id: 'o1', text: 'KI' }, { id: 'o2', text: 'Cloud' }, { id: 'o3', text: 'Daten' }] },
      settings: { results: 'hidden', identity: 'named', allowChange: true, timerSec: 90 },
    });
  });

  it('rating with scale 10 and end labels; word cloud; open text without review', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<PollEditor onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Art der Umfrage' }), 'rating');
    await user.type(screen.getByRole('textbox', { name: 'Frage' }), 'Empfehlen?');
    await user.click(screen.getByRole('radio', { name: '1–10' }));
    await user.type(screen.getByRole('textbox', { name: 'Beschriftung für 1 (optional)' }), 'nie');
    await user.type(screen.getByRole('textbox', { name: 'Beschriftung für den höchsten Wert (optional)' }), 'sofort');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit.mock.calls[0]![0].definition).toEqual({ type: 'rating', question: 'Empfehlen?', scale: 10, lowLabel: 'nie', highLabel: 'sofort' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Art der Umfrage' }), 'wordcloud');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Wörter pro Person' }), '1');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit.mock.calls[1]![0].definition).toEqual({ type: 'wordcloud', question: 'Empfehlen?', maxWords: 1 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Art der Umfrage' }), 'open');
    await user.click(screen.getByRole('checkbox', { name: 'Antworten vor dem Anzeigen prüfen' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit.mock.calls[2]![0].definition).toEqual({ type: 'open', question: 'Empfehlen?', review: false });
  });

  it('quiz: questions with correct answers (several = multiple choice) and a timer each', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<PollEditor onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Art der Umfrage' }), 'quiz');
    expect(screen.getByText(/sofort geantwortet 1000/)).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Antwort ändern/ })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Titel des Quiz' }), 'Hauptstädte');
    await user.type(screen.getByRole('textbox', { name: 'Text von Frage 1' }), 'Frankreich?');
    await user.type(screen.getByRole('textbox', { name: 'Antwort 1 zu Frage 1' }), 'Berlin');
    await user.type(screen.getByRole('textbox', { name: 'Antwort 2 zu Frage 1' }), 'Paris');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(within(screen.getByRole('alert')).getByText('Bei Frage 1 ist keine richtige Antwort angekreuzt.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'richtig (Antwort 2 zu Frage 1)' }));
    const time = screen.getByRole('spinbutton', { name: /Zeit für Frage 1/ });
    await user.clear(time);
    await user.type(time, '15');
    await user.click(screen.getByRole('button', { name: 'Frage hinzufügen' }));
    await user.type(screen.getByRole('textbox', { name: 'Text von Frage 2' }), 'Ostsee?');
    await user.type(screen.getByRole('textbox', { name: 'Antwort 1 zu Frage 2' }), 'Kiel');
    await user.type(screen.getByRole('textbox', { name: 'Antwort 2 zu Frage 2' }), 'Rostock');
    await user.click(screen.getByRole('checkbox', { name: 'richtig (Antwort 1 zu Frage 2)' }));
    await user.click(screen.getByRole('checkbox', { name: 'richtig (Antwort 2 zu Frage 2)' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0].definition).toEqual({
      type: 'quiz', question: 'Hauptstädte',
      questions: [
        { id: 'q1', text: 'Frankreich?', kind: 'single', options: [{ id: 'o1', text: 'Berlin' }, { id: 'o2', text: 'Paris' }], correct: ['o2'], timeLimitSec: 15 },
        { id: 'q2', text: 'Ostsee?', kind: 'multiple', options: [{ id: 'o1', text: 'Kiel' }, { id: 'o2', text: 'Rostock' }], correct: ['o1', 'o2'], timeLimitSec: 20 },
      ],
    });
  });

  it('edits an existing ranking poll and shows a server refusal in words', async () => {
    const user = userEvent.setup();
    const initial = { definition: { type: 'ranking' as const, question: 'Prioritäten?', items: [{ id: 'x', text: 'Preis' }, { id: 'y', text: 'Tempo' }] } };
    render(<PollEditor initial={initial} onSubmit={async () => ({ ok: false, error: { code: 'invalid_state' } })} />);
    expect(screen.getByRole('heading', { name: 'Umfrage bearbeiten' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Punkt 2' })).toHaveValue('Tempo');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Die Umfrage läuft oder hat Antworten; die Frage lässt sich nicht mehr ändern.');
  });

  it('settings only: the question fields are disabled', () => {
    render(<PollEditor initial={{ definition: { type: 'open', question: 'Q' } }} settingsOnly onSubmit={ok()} />);
    expect(screen.getByRole('textbox', { name: 'Frage' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: /dürfen ihre Antwort ändern/ })).toBeEnabled();
  });

  it('editor state round-trips every type', () => {
    for (const type of ['single', 'multiple', 'rating', 'wordcloud', 'open', 'ranking'] as const) {
      const s = { ...emptyState(type), question: 'Q', options: [{ id: 'o1', text: 'A' }, { id: 'o2', text: 'B' }] };
      const v = validate(s);
      expect(v.ok, type).toBe(true);
      if (v.ok) expect(toDraftInput(fromDraft(v.draft))).toEqual(toDraftInput(s));
    }
  });
});

describe('import dialog', () => {
  const drafts: PollDraft[] = [
    { definition: { type: 'single', question: 'Wie gefällt es?', options: [{ id: 'o1', text: 'Gut' }, { id: 'o2', text: 'Schlecht' }] }, settings: { results: 'live', identity: 'anonymous', allowChange: false, timerSec: null } },
  ];

  it('previews (dry run), then imports; the format is explained', async () => {
    const user = userEvent.setup();
    const onPreview = vi.fn(async () => ({ ok: true as const, drafts, issues: [], created: [] }));
    const onImport = vi.fn(async () => ({ ok: true as const, drafts, issues: [], created: [{}] }));
    render(<ImportDialog onPreview={onPreview} onImport={onImport} />);
    expect(screen.getByRole('button', { name: 'Importieren' })).toBeDisabled();
    await user.click(screen.getByText('So sieht das Format aus'));
    expect(screen.getByText(/\[mehrfach 2\] Welche Themen/)).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'Text zum Importieren' }));
    await user.paste('Wie gefällt es?\n- Gut\n- Schlecht');
    await user.click(screen.getByRole('button', { name: 'Vorschau' }));
    expect(onPreview).toHaveBeenCalledWith({ format: 'text', source: 'Wie gefällt es?\n- Gut\n- Schlecht' });
    expect(screen.getByText('Wird angelegt (1 Entwurf):')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '1 Umfrage importieren' }));
    expect(onImport).toHaveBeenCalledWith({ format: 'text', source: 'Wie gefällt es?\n- Gut\n- Schlecht' });
    expect(screen.getByText('1 Umfrage als Entwurf angelegt.')).toBeInTheDocument();
  });

  it('lists problems with their line and keeps import disabled', async () => {
    const user = userEvent.setup();
    const onPreview = vi.fn(async () => ({
      ok: true as const, drafts: [], created: [],
      issues: [{ line: 4, code: 'bad_type' as const, message: 'unknown poll type [blubb]' }, { line: 7, code: 'no_correct' as const, message: 'mark the correct answer' }],
    }));
    render(<ImportDialog onPreview={onPreview} onImport={vi.fn()} />);
    await user.click(screen.getByRole('radio', { name: 'JSON' }));
    await user.type(screen.getByRole('textbox', { name: 'Text zum Importieren' }), 'x');
    await user.click(screen.getByRole('button', { name: 'Vorschau' }));
    expect(onPreview).toHaveBeenCalledWith({ format: 'json', source: 'x' });
    expect(screen.getByText('2 Probleme – es wurde nichts importiert:')).toBeInTheDocument();
    expect(screen.getByText(/Umfrage 4: Unbekannte Art/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importieren' })).toBeDisabled();
  });
});
