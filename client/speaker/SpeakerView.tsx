/**
 * The picked questions for the speaker: the current one large, then the queue in order. "Done" marks the
 * current question as answered, only where the event allows it (settings.stage.speakerMayAnswer) and only
 * for the speaker link.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyQuestion } from '../qa/index.js';
import { useEventState } from '../kernel/react.js';
import { useCommand } from '../kernel/useCommand.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { Progress } from '../ui/Progress.js';
import { pickedQuestions } from './picked.js';

/** Past this many characters the current question gets a smaller type, so it still fits a phone. */
const LONG_TEXT = 280;

function Meta({ question }: { question: AnyQuestion }) {
  const { t } = useTranslation();
  return (
    <p className="speaker-meta">
      <span>{question.authorName ?? t('qa.anonymous')}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('qa.votes', { count: question.votes })}</span>
      {question.state === 'answered' && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="speaker-answered">{t('speaker.answered')}</span>
        </>
      )}
    </p>
  );
}

export function SpeakerView() {
  const { t } = useTranslation();
  const qa = useEventState((s) => s.synced.qa);
  const roomItem = useEventState((s) => s.synced.stage.room.item);
  const mayAnswer = useEventState((s) => s.synced.me?.role === 'speaker' && s.synced.event?.settings.stage.speakerMayAnswer === true);
  const { now, next } = useMemo(() => pickedQuestions(qa, roomItem), [qa, roomItem]);
  const done = useCommand('stage:speakerDone');
  const [markedId, setMarkedId] = useState<string | null>(null);

  const markDone = async (questionId: string) => {
    setMarkedId(null);
    const ack = await done.run({ questionId });
    if (ack.ok) setMarkedId(questionId);
  };

  return (
    <div className="speaker">
      <section className="speaker-now" aria-labelledby="speaker-now-heading">
        <h2 id="speaker-now-heading">{t('speaker.now')}</h2>
        <div aria-live="polite">
          {now ? (
            <figure className="speaker-current">
              <blockquote className={`speaker-current-text${now.text.length > LONG_TEXT ? ' is-long' : ''}`}>{now.text}</blockquote>
              <figcaption>
                <Meta question={now} />
              </figcaption>
            </figure>
          ) : (
            <p className="speaker-empty">{t('speaker.nothing')}</p>
          )}
        </div>
        {now && mayAnswer && now.state === 'live' && (
          <div className="speaker-actions">
            <Button variant="primary" size="lg" busy={done.busy} onClick={() => void markDone(now.id)}>
              {t('speaker.done')}
            </Button>
            {done.busy && <Progress label={t('speaker.marking')} />}
          </div>
        )}
        <ErrorText error={done.error} />
        <p className="sr-only" role="status">
          {/* Answering usually takes the question down: the note stays until another one is "now". */}
          {markedId && (now === null || now.id === markedId) ? t('speaker.marked') : ''}
        </p>
      </section>
      <section className="speaker-next" aria-labelledby="speaker-next-heading">
        <h2 id="speaker-next-heading">
          {t('speaker.next')} <span className="speaker-count">({next.length})</span>
        </h2>
        {next.length === 0 ? (
          <p className="speaker-empty">{t('speaker.noneNext')}</p>
        ) : (
          <ol className="speaker-list">
            {next.map((q) => (
              <li key={q.id}>
                <p className="speaker-list-text">{q.text}</p>
                <Meta question={q} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
