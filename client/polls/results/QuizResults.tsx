/** Quiz results: per question the choices with the correct ones marked, and how many were right. */
import { useTranslation } from 'react-i18next';
import type { DefinitionOf, QuizQuestionResults } from '../../../shared/polls/schemas.js';
import { Bars } from './ChoiceResults.js';

export function QuizQuestionBars({ options, counts, correct, answered }: {
  options: readonly { id: string; text: string }[];
  counts: Readonly<Record<string, number>>;
  correct: readonly string[];
  answered: number;
}) {
  const { t } = useTranslation();
  return (
    <Bars
      rows={options.map((o) => ({ id: o.id, label: o.text, count: counts[o.id] ?? 0, mark: correct.includes(o.id) ? t('polls.quiz.correctMark') : undefined }))}
      total={answered}
      label={t('polls.quiz.choices')}
    />
  );
}

/** Staff view of a whole quiz (all questions). */
export function QuizResults({ definition, results }: { definition: DefinitionOf<'quiz'>; results: readonly QuizQuestionResults[] }) {
  const { t } = useTranslation();
  return (
    <ol className="poll-quiz-results">
      {definition.questions.map((q, i) => {
        const r = results.find((x) => x.questionId === q.id);
        const answered = r?.answered ?? 0;
        return (
          <li key={q.id}>
            <h3 className="poll-question">{t('polls.quiz.progress', { n: i + 1, total: definition.questions.length })}: {q.text}</h3>
            <p className="poll-responses">{t('polls.quiz.rightOf', { count: r?.correct ?? 0, answered })}</p>
            <QuizQuestionBars options={q.options} counts={r?.counts ?? {}} correct={q.correct} answered={answered} />
          </li>
        );
      })}
    </ol>
  );
}
