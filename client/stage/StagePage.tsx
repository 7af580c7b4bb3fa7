/**
 * /e/:code/stage — for the projector: the results of a breakout round while the facilitator shows them,
 * else the highlighted question in very large type, or how to join when nothing is on stage. Dark, calm,
 * readable from the back of the room.
 */
// First: the stage sheet precedes the breakouts sheet of the results, as before.
import './stage.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { stageResultsRound } from '../breakouts/selectors.js';
import { StageResults } from '../breakouts/StageResults.js';
import { usePageLanguage } from '../i18n/index.js';
import { FeaturePanels } from '../kernel/panels.js';
import { takeLinkToken } from '../kernel/link-token.js';
import { EventProvider, useEventConnection, useEventState } from '../kernel/react.js';
import { ConnectionBanner } from '../ui/ConnectionBanner.js';
import { formatCode } from '../ui/format.js';
import { Layout } from '../ui/Layout.js';
import { QrCode } from '../ui/QrCode.js';

export function StagePage() {
  const { code = '' } = useParams();
  const [token] = useState(() => takeLinkToken('stage', code));
  const conn = useEventConnection({ code, token, enabled: true });
  return (
    <EventProvider store={conn.store} send={conn.send}>
      <StageContent code={code} />
    </EventProvider>
  );
}

export function StageContent({ code }: { code: string }) {
  const { t } = useTranslation();
  const connection = useEventState((s) => s.connection);
  const event = useEventState((s) => s.synced.event);
  const highlighted = useEventState((s) => (s.synced.qa.highlightedId ? s.synced.qa.questions[s.synced.qa.highlightedId] : undefined));
  const rounds = useEventState((s) => s.synced.breakouts.rounds);
  const results = useMemo(() => stageResultsRound(rounds), [rounds]);
  // A poll the moderator puts on stage takes the stage (its panel comes from the polls feature).
  const pollOnStage = useEventState((s) => s.synced.polls.presentedId !== null && s.synced.polls.polls[s.synced.polls.presentedId] !== undefined);
  const busy = Boolean(highlighted || results || pollOnStage);
  usePageLanguage(event?.language);
  const joinUrl = `${window.location.origin}/e/${code}`;
  const shortUrl = joinUrl.replace(/^https?:\/\//, '');

  return (
    <Layout width="wide" theme="dark">
      <div className="stage">
        <h1 className="stage-title">{event?.title ?? t('stage.title')}</h1>
        <ConnectionBanner connection={connection} hasData={event !== null} />
        <div className={`stage-body${results || pollOnStage ? ' has-results' : ''}`} aria-live="polite">
          {pollOnStage ? (
            <FeaturePanels page="stage" />
          ) : results ? (
            <StageResults round={results} />
          ) : highlighted ? (
            <figure className="stage-question">
              <blockquote className="stage-text">{highlighted.text}</blockquote>
              <figcaption className="stage-meta">
                <span>{highlighted.authorName ?? t('qa.anonymous')}</span>
                <span aria-hidden="true"> · </span>
                <span>{t('qa.votes', { count: highlighted.votes })}</span>
              </figcaption>
            </figure>
          ) : (
            event && (
              <div className="stage-idle">
                <p className="stage-invite">{t('stage.invite')}</p>
                <p className="stage-steps">{t('stage.steps', { url: `${window.location.host}` })}</p>
              </div>
            )
          )}
        </div>
        <div className={`stage-join${busy ? ' is-compact' : ''}`}>
          <QrCode value={joinUrl} alt={t('stage.qrAlt', { url: shortUrl })} size={busy ? 140 : 240} />
          <div>
            <p className="stage-join-label">{t('stage.joinAt')}</p>
            <p className="stage-url">{shortUrl}</p>
            <p className="stage-code">
              {t('common.code')} <span className="mono">{formatCode(code)}</span>
            </p>
          </div>
        </div>
      </div>
    </Layout>
  );
}
