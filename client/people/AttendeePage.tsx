/**
 * /e/:code — the attendee page shell (people). Checks the code, gets (or reuses, or takes from a personal
 * `?invite=` link) this browser's attendee identity for the event, then connects and shows the profile
 * questions and, below, every registered feature's attendee panel in order of registration (breakout
 * group during a round; name, ask box and the live list). A broadcast event's YouTube stream sits beside
 * them (above on phones), a talk's video-meeting button above them (EventMedia).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { JoinInfo } from '../../shared/api.js';
import { joinApi } from '../api/join.js';
import { ApiFailure } from '../api/http.js';
import { usePageLanguage } from '../i18n/index.js';
import { FeaturePanels, preloadPanels } from '../kernel/panels.js';
import { EventProvider, useEventConnection, useEventState, useFeatures } from '../kernel/react.js';
import { ConnectionBanner } from '../ui/ConnectionBanner.js';
import { ErrorText } from '../ui/ErrorText.js';
import { formatCode } from '../ui/format.js';
import { Layout } from '../ui/Layout.js';
import { Progress } from '../ui/Progress.js';
import { forgetIdentity, loadIdentity, saveIdentity, takeInvite, type StoredIdentity } from './identity.js';
import { EventMedia, mediaOf } from './EventMedia.js';
import { ProfileForm } from './ProfileForm.js';
import './people.css';

type Loaded = { info: JoinInfo; identity: StoredIdentity };

async function obtainIdentity(code: string): Promise<StoredIdentity> {
  const known = loadIdentity(code);
  if (known) return known;
  const issued = await joinApi.issueAttendee(code);
  // Another tab may have joined at the same moment: keep whichever identity was stored first.
  const raced = loadIdentity(code);
  if (raced) return raced;
  saveIdentity(code, issued);
  return issued;
}

export function AttendeePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Read once, before the identity is looked up: the invitation replaces any stored identity.
  useState(() => takeInvite(code));
  // The features' panels load while the page joins.
  const features = useFeatures();
  useState(() => void preloadPanels(features, 'attendee'));
  usePageLanguage(loaded?.info.language);

  useEffect(() => {
    let live = true;
    setFailure(null);
    (async () => {
      const info = await joinApi.joinInfo(code);
      const identity = await obtainIdentity(code);
      if (live) setLoaded({ info, identity });
    })().catch((err: unknown) => {
      if (live) setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'internal', String(err)));
    });
    return () => {
      live = false;
    };
  }, [code, attempt]);

  // The server no longer knows the stored identity (e.g. its data was reset): get a new one, once.
  const reissue = useCallback(() => {
    forgetIdentity(code);
    setLoaded(null);
    setAttempt((n) => n + 1);
  }, [code]);

  if (failure) {
    return (
      <Layout width="narrow">
        <h1>{failure.code === 'not_found' ? t('join.notFoundTitle') : t('common.errorTitle')}</h1>
        {failure.code === 'not_found' ? <p>{t('join.notFound', { code })}</p> : <ErrorText error={failure} />}
        <p>
          <Link to="/">{t('join.back')}</Link>
        </p>
      </Layout>
    );
  }
  if (!loaded) {
    return (
      <Layout width="narrow">
        <h1>{t('attendee.joining')}</h1>
        <Progress label={t('attendee.joiningProgress')} />
      </Layout>
    );
  }
  return <ConnectedAttendee key={loaded.identity.token} loaded={loaded} onUnknownIdentity={attempt === 0 ? reissue : undefined} />;
}

function ConnectedAttendee({ loaded, onUnknownIdentity }: { loaded: Loaded; onUnknownIdentity: (() => void) | undefined }) {
  const conn = useEventConnection({ code: loaded.info.code, token: loaded.identity.token, enabled: true });
  return (
    <EventProvider store={conn.store} send={conn.send}>
      <AttendeeContent info={loaded.info} onUnknownIdentity={onUnknownIdentity} />
    </EventProvider>
  );
}

function AttendeeContent({ info, onUnknownIdentity }: { info: JoinInfo; onUnknownIdentity: (() => void) | undefined }) {
  const { t } = useTranslation();
  const connection = useEventState((s) => s.connection);
  const event = useEventState((s) => s.synced.event);
  usePageLanguage(event?.language ?? info.language);

  useEffect(() => {
    if (connection.status === 'refused' && connection.reason === 'unauthorized') onUnknownIdentity?.();
  }, [connection, onUnknownIdentity]);

  return (
    <Layout width={event && mediaOf(event).videoId ? 'wide' : 'narrow'}>
      <div className="event-head">
        <h1>{event?.title ?? info.title}</h1>
        <p className="event-code">
          {t('common.code')}: <span className="mono">{formatCode(info.code)}</span>
        </p>
      </div>
      <ConnectionBanner connection={connection} hasData={event !== null} />
      {event && (
        <EventMedia event={event}>
          <ProfileForm />
          <FeaturePanels page="attendee" />
        </EventMedia>
      )}
    </Layout>
  );
}
