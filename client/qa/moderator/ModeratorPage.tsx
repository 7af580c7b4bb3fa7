/**
 * /e/:code/moderate — reached through the moderator link (`?token=`, kept per event in localStorage and
 * removed from the address bar; another role's link is refused up front) or by a logged-in organizer
 * (no token; the cookie identifies them).
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { questionsCsvUrl } from '../../api/endpoints.js';
import { usePageLanguage } from '../../i18n/index.js';
import { useLinkConnection } from '../../kernel/link-connection.js';
import { FeaturePanels } from '../../kernel/panels.js';
import { EventProvider, useEventState } from '../../kernel/react.js';
import { ConnectionBanner } from '../../ui/ConnectionBanner.js';
import { formatCode } from '../../ui/format.js';
import { Layout } from '../../ui/Layout.js';
import { ModeratorBoard } from './ModeratorBoard.js';
import '../qa.css';

export function ModeratorPage() {
  const { code = '' } = useParams();
  const conn = useLinkConnection('moderator', code);
  return (
    <EventProvider store={conn.store} send={conn.send}>
      <ModeratorContent code={code} token={conn.token} />
    </EventProvider>
  );
}

function ModeratorContent({ code, token }: { code: string; token: string | undefined }) {
  const { t } = useTranslation();
  const connection = useEventState((s) => s.connection);
  const event = useEventState((s) => s.synced.event);
  const pendingCount = useEventState((s) => s.synced.qa.pendingCount);
  const present = useEventState((s) => s.synced.people.present);
  usePageLanguage(event?.language);
  const attendeeUrl = `${window.location.origin}/e/${code}`;

  return (
    <Layout width="wide">
      <div className="event-head">
        <p className="eyebrow">{t('mod.eyebrow')}</p>
        <h1>{event?.title ?? t('mod.title')}</h1>
        <p className="event-code">
          {t('common.code')}: <span className="mono">{formatCode(code)}</span>
          <span aria-hidden="true"> · </span>
          <a href={attendeeUrl}>{attendeeUrl.replace(/^https?:\/\//, '')}</a>
          <span aria-hidden="true"> · </span>
          <span className="mod-present">{t('mod.present', { count: present })}</span>
          {pendingCount > 0 && (
            <>
              <span aria-hidden="true"> · </span>
              {t('qa.pendingCount', { count: pendingCount })}
            </>
          )}
        </p>
      </div>
      <ConnectionBanner connection={connection} hasData={event !== null} />
      {event && <ModeratorBoard exportUrl={questionsCsvUrl(event.id, token)} />}
      {event && <FeaturePanels page="moderator" />}
    </Layout>
  );
}
