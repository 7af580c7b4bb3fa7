/**
 * Results of one poll for any audience: picks the view by the results' kind. `results` null means hidden
 * from this audience (a note says so). Word clouds: `cloud` (moderators, stage) draws the d3 cloud
 * (lazily loaded), otherwise the top words.
 */
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import type { OpenEntry, PollResults, PublicDefinition, PollDefinition } from '../../../shared/polls/schemas.js';
import { ChoiceResults } from './ChoiceResults.js';
import { OpenWall } from './OpenWall.js';
import { QuizResults } from './QuizResults.js';
import { RankingResults } from './RankingResults.js';
import { RatingResults } from './RatingResults.js';
import { TopWords } from './TopWords.js';

export const LazyWordCloud = lazy(() => import('./WordCloud.js'));

export interface PollResultsViewProps {
  definition: PublicDefinition | PollDefinition;
  results: PollResults | null;
  responses: number;
  /** Staff: attendees present now, to compare with the responses. */
  present?: number | null;
  /** Open text: the entries to show on the wall. */
  entries?: readonly OpenEntry[];
  /** Word clouds: draw the cloud (moderator, stage) instead of the top-words list (attendees). */
  cloud?: boolean;
  /** The cloud's layout size (the stage screens lay out 40 words on a larger area). */
  cloudSize?: readonly [number, number];
}

export function PollResultsView({ definition, results, responses, present, entries = [], cloud = false, cloudSize }: PollResultsViewProps) {
  const { t } = useTranslation();
  if (!results) {
    return (
      <div className="poll-results">
        <p className="poll-responses">{t('polls.results.responses', { count: responses })}</p>
        <p className="notice notice-quiet">{t('polls.results.hidden')}</p>
      </div>
    );
  }
  switch (results.kind) {
    case 'choice':
      return definition.type === 'single' || definition.type === 'multiple' ? (
        <ChoiceResults options={definition.options} counts={results.counts} responses={responses} multiple={definition.type === 'multiple'} present={present} />
      ) : null;
    case 'rating':
      return definition.type === 'rating' ? (
        <RatingResults scale={definition.scale} distribution={results.distribution} mean={results.mean} lowLabel={definition.lowLabel} highLabel={definition.highLabel} present={present} />
      ) : null;
    case 'words':
      return (
        <div className="poll-results">
          <p className="poll-responses" aria-live="polite" aria-atomic="true">
            {t('polls.results.responses', { count: responses })}
          </p>
          {cloud ? (
            <Suspense fallback={<TopWords words={results.words} />}>
              <LazyWordCloud words={results.words} {...(cloudSize ? { width: cloudSize[0], height: cloudSize[1] } : {})} />
            </Suspense>
          ) : (
            <TopWords words={results.words} limit={POLL_LIMITS.topWordsForAttendees} />
          )}
        </div>
      );
    case 'open':
      return (
        <div className="poll-results">
          <p className="poll-responses">{t('polls.open.onWall', { count: results.approved })}</p>
          <OpenWall entries={entries.filter((e) => e.state === 'approved')} />
        </div>
      );
    case 'ranking':
      return definition.type === 'ranking' ? <RankingResults items={definition.items} scores={results.scores} responses={responses} present={present} /> : null;
    case 'quiz':
      return definition.type === 'quiz' && 'questions' in definition ? <QuizResults definition={definition} results={results.questions} /> : null;
  }
}
