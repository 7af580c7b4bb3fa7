/**
 * A question on air (stage feature, ClientFeature.onAir.question): on the presenter screen the text very
 * large with author (or "anonymous") and live votes, fitted by font size so even the longest allowed
 * question shows whole; in the stream overlay a lower third; in the moderator's queue one line.
 */
import { useTranslation } from 'react-i18next';
import type { OnAirProps } from '../../kernel/feature.js';
import { useEventState } from '../../kernel/react.js';
import { FitText } from '../../ui/FitText.js';
import './onair.css';

export default function OnAirQuestion({ item, variant }: OnAirProps) {
  const { t } = useTranslation();
  const id = 'questionId' in item ? String(item.questionId) : '';
  const question = useEventState((s) => s.synced.qa.questions[id]);
  if (!question) return variant === 'line' ? <>{t('qa.onAir.gone')}</> : <p className="onair-q-gone">{t('qa.onAir.gone')}</p>;
  const author = question.authorName ?? t('qa.anonymous');
  if (variant === 'line') return <>{t('qa.onAir.line', { text: question.text.length > 80 ? `${question.text.slice(0, 79)}…` : question.text })}</>;
  const votes = t('qa.votes', { count: question.votes });
  return (
    <FitText className={`onair-q is-${variant}`} max={variant === 'room' ? 110 : 60} min={8} watch={`${question.text}|${author}|${votes}`}>
      <figure className="onair-q-figure">
        <blockquote className="onair-q-text">{question.text}</blockquote>
        <figcaption className="onair-q-meta">
          <span className="onair-q-author">{author}</span>
          {variant === 'room' && (
            <>
              <span aria-hidden="true"> · </span>
              <span className="onair-q-votes">{votes}</span>
            </>
          )}
        </figcaption>
      </figure>
    </FitText>
  );
}
