/** Picks the answer form for a poll's type (quizzes use QuizPlay). */
import type { AnswerPayload, OpenEntryState, PollDefinition, PublicDefinition } from '../../../shared/polls/schemas.js';
import type { SubmitAnswer } from '../types.js';
import { MultipleChoiceAnswer, SingleChoiceAnswer } from './ChoiceAnswer.js';
import { OpenTextAnswer } from './OpenTextAnswer.js';
import { RankingAnswer } from './RankingAnswer.js';
import { RatingAnswer } from './RatingAnswer.js';
import { WordCloudAnswer } from './WordCloudAnswer.js';

export interface PollAnswerProps {
  definition: PublicDefinition | PollDefinition;
  mine?: AnswerPayload | null;
  openState?: OpenEntryState | null;
  allowChange?: boolean;
  closed?: boolean;
  onSubmit: SubmitAnswer;
}

export function PollAnswer({ definition, openState, ...form }: PollAnswerProps) {
  switch (definition.type) {
    case 'single':
      return <SingleChoiceAnswer definition={definition} {...form} />;
    case 'multiple':
      return <MultipleChoiceAnswer definition={definition} {...form} />;
    case 'rating':
      return <RatingAnswer definition={definition} {...form} />;
    case 'wordcloud':
      return <WordCloudAnswer definition={definition} {...form} />;
    case 'open':
      return <OpenTextAnswer definition={definition} openState={openState} {...form} />;
    case 'ranking':
      return <RankingAnswer definition={definition} {...form} />;
    case 'quiz':
      return null;
  }
}
