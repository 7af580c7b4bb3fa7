/**
 * /e/:code/facilitate — reached through the facilitator link (`?token=`, kept per event in localStorage and
 * removed from the address bar) or by a logged-in organizer (the cookie identifies them).
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageLanguage } from '../../i18n/index.js';
import { useLinkConnection } from '../../kernel/link-connection.js';
import { FeaturePanels } from '../../kernel/panels.js';
import { EventProvider, useEventState } from '../../kernel/react.js';
import { AnnouncerProvider } from '../../ui/Announcer.js';
import { ConnectionBanner } from '../../ui/ConnectionBanner.js';
import { formatCode } from '../../ui/format.js';
import { Layout } from '../../ui/Layout.js';
import { FacilitatorBoard } from './FacilitatorBoard.js';
import '../breakouts.css';

export function FacilitatorPage() {
  const { code = '' } = useParams();
  const conn = useLinkConnection('facilitator', code);
  return (
    <EventProvider store={conn.store} send={conn.send}>
      <AnnouncerProvider>
        <FacilitatorContent code={code} token={conn.token} />
      </AnnouncerProvider>
    </EventProvider>
  );
}

function FacilitatorContent({ code, token }: { code: string; token: string | undefined }) {
  const { t } = useTranslation();
  const connection = useEventState((s) => s.connection);
  const event = useEventState((s) => s.synced.event);
  const role = useEventState((s) => s.synced.me?.role);
  usePageLanguage(event?.language);
  const staff = role === 'facilitator' || role === 'organizer';

  return (
    <Layout width="wide">
      <div className="event-head">
        <p className="eyebrow">{t('breakouts.panel.eyebrow')}</p>
        <h1>{event?.title ?? t('breakouts.panel.title')}</h1>
        <p className="event-code">
          {t('common.code')}: <span className="mono">{formatCode(code)}</span>
        </p>
      </div>
      <ConnectionBanner connection={connection} hasData={event !== null} />
      {event && !staff && <p className="notice">{t('breakouts.panel.notStaff')}</p>}
      {event && staff && <FacilitatorBoard token={token} />}
      {event && staff && <FeaturePanels page="facilitator" />}
    </Layout>
  );
}
