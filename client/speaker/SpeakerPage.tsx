/**
 * /e/:code/speaker — the speaker link (`?token=`, kept per event in localStorage and removed from the
 * address bar; another role's link is refused up front). A read-only view like the stage: its only
 * command is "done" (stage:speakerDone), when the event lets speakers mark questions as answered.
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageLanguage } from '../i18n/index.js';
import { useLinkConnection } from '../kernel/link-connection.js';
import { PAGE_LINK_ROLE } from '../kernel/link-token.js';
import { EventProvider, useEventState } from '../kernel/react.js';
import { ConnectionBanner } from '../ui/ConnectionBanner.js';
import { Layout } from '../ui/Layout.js';
import { SpeakerView } from './SpeakerView.js';
import './speaker.css';

export function SpeakerPage() {
  const { code = '' } = useParams();
  const conn = useLinkConnection(PAGE_LINK_ROLE.speaker, code);
  return (
    <EventProvider store={conn.store} send={conn.send}>
      <SpeakerContent />
    </EventProvider>
  );
}

export function SpeakerContent() {
  const { t } = useTranslation();
  const connection = useEventState((s) => s.connection);
  const event = useEventState((s) => s.synced.event);
  usePageLanguage(event?.language);
  return (
    <Layout>
      <div className="event-head">
        <p className="eyebrow">{t('speaker.eyebrow')}</p>
        <h1>{event?.title ?? t('speaker.title')}</h1>
      </div>
      <ConnectionBanner connection={connection} hasData={event !== null} />
      {event && <SpeakerView />}
    </Layout>
  );
}
