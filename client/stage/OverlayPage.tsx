/**
 * /e/:code/overlay — the stream overlay for OBS's browser source (stage link): a transparent page with only
 * the overlay screen's item. URL parameters: position, scale, theme, autohide (overlay-params.ts).
 */
import './stage.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLinkConnection } from '../kernel/link-connection.js';
import { PAGE_LINK_ROLE } from '../kernel/link-token.js';
import { EventProvider, useEventState } from '../kernel/react.js';
import { OverlayScreen } from './OverlayScreen.js';
import { parseOverlayParams } from './overlay-params.js';
import { useEventLanguage, useHtmlClass, usePreloadOnAir } from './page.js';

export default function OverlayPage() {
  const { code = '' } = useParams();
  const conn = useLinkConnection(PAGE_LINK_ROLE.overlay, code);
  return (
    <EventProvider store={conn.store} send={conn.send}>
      <OverlayContent />
    </EventProvider>
  );
}

export function OverlayContent() {
  const { t } = useTranslation();
  useHtmlClass('overlay-page');
  usePreloadOnAir();
  useEventLanguage();
  // The overlay never navigates; OBS loads it once with its parameters.
  const params = useMemo(() => parseOverlayParams(window.location.search), []);
  const overlay = useEventState((s) => s.synced.stage.overlay);
  const connection = useEventState((s) => s.connection);
  return (
    <main className="overlay-screen">
      <h1 className="sr-only">{t('stage.overlayLabel')}</h1>
      <OverlayScreen state={overlay} params={params} />
      {/* No banner on the stream: a refused link shows only to whoever opens the page in a browser, as text for screen readers and a data attribute. */}
      <p className="sr-only" data-connection={connection.status}>
        {connection.status === 'refused' ? t(`connection.refused.${connection.reason}`) : ''}
      </p>
    </main>
  );
}
