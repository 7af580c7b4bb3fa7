import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import { PollDefinition, type DefinitionOf } from '../../../shared/polls/schemas.js';
import { loadPollsI18n } from '../testing.js';
import { MultipleChoiceAnswer, SingleChoiceAnswer } from './ChoiceAnswer.js';
import { OpenTextAnswer } from './OpenTextAnswer.js';
import { PollAnswer } from './PollAnswer.js';
import { RankingAnswer } from './RankingAnswer.js';
import { RatingAnswer } from './RatingAnswer.js';
import { WordCloudAnswer } from './WordCloudAnswer.js';

beforeAll(loadPollsI18n);

const single = PollDefinition.parse({
  type: 'single', question: 'Lieblingsfarbe?', options: [{ id: 'a', text: 'Rot' }, { id: 'b', text: 'Grün' }, { id: 'c', text: 'Blau' }],
}) as DefinitionOf<'single'>;
const multiple = PollDefinition.parse({
  type: 'multiple', question: 'Themen?', maxSelections: 2,
  options: [{ id: 'a', text: 'KI' }, { id: 'b', text: 'Cloud' }, { id: 'c', text: 'Sicherheit' }],
}) as DefinitionOf<'multiple'>;
const ok = () => vi.fn(async () => ({ ok: true as const }));

describe('single choice', () => {
  it('sends the chosen option and confirms', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<SingleChoiceAnswer definition={single} onSubmit={onSubmit} />);
    const group = screen.getByRole('group', { name: 'Lieblingsfarbe?' });
    expect(screen.getByRole('button', { name: 'Absenden' })).toBeDisabled();
    await user.click(within(group).getByRole('radio', { name: 'Grün' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'single', optionId: 'b' });
    expect(screen.getByRole('status')).toHaveTextContent('Ihre Antwort ist gespeichert.');
  });

  it('shows a refusal in words', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => ({ ok: false as const, error: { code: 'poll_closed', message: 'this poll is not open for answers' } }));
    render(<SingleChoiceAnswer definition={single} onSubmit={onSubmit} />);
    await user.click(screen.getByRole('radio', { name: 'Rot' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Diese Umfrage nimmt gerade keine Antworten an.');
  });

  it('is read-only after answering when changes are not allowed, and offers "change" when they are', () => {
    const { unmount } = render(<SingleChoiceAnswer definition={single} mine={{ type: 'single', optionId: 'a' }} onSubmit={ok()} />);
    expect(screen.getByRole('radio', { name: 'Rot' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Grün' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Absenden' })).not.toBeInTheDocument();
    expect(screen.getByText('Sie haben bereits geantwortet.')).toBeInTheDocument();
    unmount();
    render(<SingleChoiceAnswer definition={single} mine={{ type: 'single', optionId: 'a' }} allowChange onSubmit={ok()} />);
    expect(screen.getByRole('button', { name: 'Antwort ändern' })).toBeEnabled();
  });

  it('says when the poll is closed', () => {
    render(<SingleChoiceAnswer definition={single} closed onSubmit={ok()} />);
    expect(screen.getByText('Diese Umfrage nimmt keine Antworten mehr an.')).toBeInTheDocument();
  });
});

describe('multiple choice', () => {
  it('allows at most maxSelections and sends them in option order', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<MultipleChoiceAnswer definition={multiple} onSubmit={onSubmit} />);
    expect(screen.getByText('Wählen Sie höchstens 2 Antworten.', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Sicherheit' }));
    await user.click(screen.getByRole('checkbox', { name: 'KI' }));
    expect(screen.getByRole('checkbox', { name: 'Cloud' })).toBeDisabled();
    expect(screen.getByText('2 von 2 gewählt.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'multiple', optionIds: ['a', 'c'] });
  });

  it('shows too_many_selections from the server in words', async () => {
    const user = userEvent.setup();
    render(<MultipleChoiceAnswer definition={multiple} onSubmit={async () => ({ ok: false, error: { code: 'too_many_selections' } })} />);
    await user.click(screen.getByRole('checkbox', { name: 'KI' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Sie haben mehr Antworten gewählt als erlaubt.');
  });
});

describe('rating', () => {
  it('stars 1–5 with end labels; sends the value', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    const rating = PollDefinition.parse({ type: 'rating', question: 'Wie zufrieden?', scale: 5, lowLabel: 'gar nicht', highLabel: 'sehr' }) as DefinitionOf<'rating'>;
    render(<RatingAnswer definition={rating} onSubmit={onSubmit} />);
    expect(screen.getByRole('group', { name: 'Wie zufrieden?' })).toHaveAccessibleDescription('1 = gar nicht, höchster Wert = sehr');
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    await user.click(screen.getByRole('radio', { name: '4 Sterne' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'rating', value: 4 });
  });

  it('1–10 as numbers, keyboard arrows move the choice', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    const rating = PollDefinition.parse({ type: 'rating', question: 'Empfehlen?', scale: 10 }) as DefinitionOf<'rating'>;
    render(<RatingAnswer definition={rating} onSubmit={onSubmit} />);
    expect(screen.getAllByRole('radio')).toHaveLength(10);
    await user.click(screen.getByRole('radio', { name: '7 von 10' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: '8 von 10' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'rating', value: 8 });
  });
});

describe('word cloud', () => {
  it('sends the filled words (up to maxWords), trimmed, then shows them locked', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    const wc = PollDefinition.parse({ type: 'wordcloud', question: 'Ein Wort?', maxWords: 3 }) as DefinitionOf<'wordcloud'>;
    render(<WordCloudAnswer definition={wc} onSubmit={onSubmit} />);
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
    await user.type(screen.getByRole('textbox', { name: 'Wort 1' }), '  KI ');
    await user.type(screen.getByRole('textbox', { name: 'Wort 3' }), 'Zukunft');
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'wordcloud', words: ['KI', 'Zukunft'] });
    expect(screen.getByRole('textbox', { name: 'Wort 1' })).toHaveValue('  KI ');
    expect(screen.getByRole('textbox', { name: 'Wort 1' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Absenden' })).not.toBeInTheDocument();
  });

  it('a 41-character word is marked too long and cannot be sent; 40 is fine', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    const wc = PollDefinition.parse({ type: 'wordcloud', question: 'Ein Wort?', maxWords: 1 }) as DefinitionOf<'wordcloud'>;
    render(<WordCloudAnswer definition={wc} onSubmit={onSubmit} />);
    const input = screen.getByRole('textbox', { name: 'Ihr Wort' });
    await user.type(input, 'x'.repeat(POLL_LIMITS.wordMax + 1));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('1 Zeichen zu viel');
    expect(screen.getByRole('button', { name: 'Absenden' })).toBeDisabled();
    await user.type(input, '{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'wordcloud', words: ['x'.repeat(40)] });
  });

  it('shows empty_answer from the server', async () => {
    const user = userEvent.setup();
    const wc = PollDefinition.parse({ type: 'wordcloud', question: 'Ein Wort?', maxWords: 1 }) as DefinitionOf<'wordcloud'>;
    render(<WordCloudAnswer definition={wc} onSubmit={async () => ({ ok: false, error: { code: 'empty_answer' } })} />);
    await user.type(screen.getByRole('textbox'), '!!!');
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte etwas eingeben – eine leere Antwort zählt nicht.');
  });
});

describe('open text', () => {
  it('counts characters, refuses more than 300, says it is reviewed, and shows the review state', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    const open = PollDefinition.parse({ type: 'open', question: 'Was nehmen Sie mit?' }) as DefinitionOf<'open'>;
    render(<OpenTextAnswer definition={open} onSubmit={onSubmit} openState="pending" allowChange />);
    expect(screen.getByText('Antworten werden vor dem Anzeigen von der Moderation geprüft.')).toBeInTheDocument();
    expect(screen.getByText('Ihre Antwort wartet auf Freigabe.')).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name: 'Ihre Antwort' });
    await user.click(box);
    await user.paste('y'.repeat(301));
    expect(box).toHaveAccessibleDescription('1 Zeichen zu viel');
    expect(screen.getByRole('button', { name: 'Absenden' })).toBeDisabled();
    await user.type(box, '{Backspace}');
    expect(box).toHaveAccessibleDescription('300 / 300');
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'open', text: 'y'.repeat(300) });
  });
});

describe('ranking', () => {
  const ranking = PollDefinition.parse({
    type: 'ranking', question: 'Was ist am wichtigsten?',
    items: [{ id: 'x', text: 'Preis' }, { id: 'y', text: 'Qualität' }, { id: 'z', text: 'Tempo' }],
  }) as DefinitionOf<'ranking'>;
  const texts = () => within(screen.getByRole('list', { name: 'Ihre Rangfolge' })).getAllByRole('listitem').map((li) => li.querySelector('.poll-ranking-text')?.textContent);

  it('reorders with the up/down buttons and sends the order', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<RankingAnswer definition={ranking} onSubmit={onSubmit} />);
    expect(screen.getByRole('button', { name: 'Preis nach oben' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Tempo nach oben' }));
    expect(texts()).toEqual(['Preis', 'Tempo', 'Qualität']);
    expect(screen.getByText('Tempo: jetzt Platz 2 von 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Preis nach unten' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'ranking', order: ['z', 'x', 'y'] });
  });

  it('reorders with the keyboard: arrows, Home, End on the handle; focus follows the item', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<RankingAnswer definition={ranking} onSubmit={onSubmit} />);
    const handle = screen.getByRole('button', { name: 'Preis, Platz 1 von 3, verschieben' });
    handle.focus();
    await user.keyboard('{ArrowDown}');
    expect(texts()).toEqual(['Qualität', 'Preis', 'Tempo']);
    expect(screen.getByRole('button', { name: 'Preis, Platz 2 von 3, verschieben' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(texts()).toEqual(['Qualität', 'Tempo', 'Preis']);
    screen.getByRole('button', { name: 'Tempo, Platz 2 von 3, verschieben' }).focus();
    await user.keyboard('{Home}');
    expect(texts()).toEqual(['Tempo', 'Qualität', 'Preis']);
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'ranking', order: ['z', 'y', 'x'] });
  });

  it('shows not_a_ranking in words', async () => {
    const user = userEvent.setup();
    render(<RankingAnswer definition={ranking} onSubmit={async () => ({ ok: false, error: { code: 'not_a_ranking' } })} />);
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte jeden Punkt genau einmal einordnen.');
  });
});

describe('long content', () => {
  it('12 options of 120 characters and a 300-character question render in full, in a wrapping layout', () => {
    const long = PollDefinition.parse({
      type: 'single',
      question: 'Q'.repeat(POLL_LIMITS.questionMax),
      options: Array.from({ length: POLL_LIMITS.optionsMax }, (_, i) => ({ id: `o${i}`, text: `${i}`.padEnd(POLL_LIMITS.optionMax, 'W') })),
    });
    const { container } = render(<PollAnswer definition={long} onSubmit={ok()} />);
    expect(screen.getAllByRole('radio')).toHaveLength(12);
    expect(screen.getByRole('group', { name: 'Q'.repeat(300) })).toBeInTheDocument();
    for (const text of container.querySelectorAll('.poll-option-text')) expect(text.textContent).toHaveLength(120);
    // no fixed widths in inline styles anywhere in the form
    expect(container.querySelector('[style*="width"]')).toBeNull();
  });
});

describe('English', () => {
  it('shows the same refusal in English', async () => {
    const { default: i18n } = await import('i18next');
    await i18n.changeLanguage('en');
    try {
      const user = userEvent.setup();
      render(<SingleChoiceAnswer definition={single} onSubmit={async () => ({ ok: false, error: { code: 'already_answered' } })} />);
      await user.click(screen.getByRole('radio', { name: 'Rot' }));
      await user.click(screen.getByRole('button', { name: 'Submit' }));
      expect(screen.getByRole('alert')).toHaveTextContent('You have already answered; this poll does not allow changes.');
    } finally {
      await i18n.changeLanguage('de');
    }
  });
});
