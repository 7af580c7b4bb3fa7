/** /dashboard — the organizer's events and the form to create one. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { EventDetails } from '../../shared/api.js';
import { api } from '../api/endpoints.js';
import { ApiFailure } from '../api/http.js';
import { usePageLanguage, type Lang } from '../i18n/index.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { formatCode, formatDateTime } from '../ui/format.js';
import { Layout } from '../ui/Layout.js';
import { Progress } from '../ui/Progress.js';
import { EventForm, emptyValues } from './EventForm.js';
import { OrganizerActions } from './session.js';
import './organizer.css';

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageLanguage();
  const navigate = useNavigate();
  const [events, setEvents] = useState<EventDetails[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let live = true;
    api.listEvents().then(
      (list) => live && setEvents(list),
      (err: unknown) => live && setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'internal', String(err))),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <Layout actions={<OrganizerActions />}>
      <div className="list-head">
        <h1>{t('dashboard.title')}</h1>
        {!creating && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('dashboard.new')}
          </Button>
        )}
      </div>

      {creating && (
        <section className="card" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('dashboard.createHeading')}</h2>
          <EventForm
            initial={emptyValues(i18n.language === 'en' ? 'en' : ('de' satisfies Lang))}
            submitLabel={t('dashboard.create')}
            onCancel={() => setCreating(false)}
            onSubmit={async (body) => {
              try {
                const created = await api.createEvent(body);
                navigate(`/dashboard/events/${created.id}`);
                return null;
              } catch (err) {
                return { code: err instanceof ApiFailure ? err.code : 'internal' };
              }
            }}
          />
        </section>
      )}

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('dashboard.events')}</h2>
        {failure && <ErrorText error={failure} />}
        {!events && !failure && <Progress label={t('common.loading')} />}
        {events && events.length === 0 && <p className="empty">{t('dashboard.none')}</p>}
        {events && events.length > 0 && (
          <ul className="event-list">
            {[...events]
              .sort((a, b) => (b.startsAt ?? b.createdAt).localeCompare(a.startsAt ?? a.createdAt))
              .map((ev) => (
                <li key={ev.id} className="event-card">
                  <h3>
                    <Link to={`/dashboard/events/${ev.id}`}>{ev.title}</Link>
                  </h3>
                  <dl className="facts">
                    <div>
                      <dt>{t('common.code')}</dt>
                      <dd className="mono">{formatCode(ev.code)}</dd>
                    </div>
                    <div>
                      <dt>{t('dashboard.date')}</dt>
                      <dd>{ev.startsAt ? formatDateTime(ev.startsAt, i18n.language) : t('dashboard.noDate')}</dd>
                    </div>
                    <div>
                      <dt>{t('eventForm.format')}</dt>
                      <dd>{t(`format.${ev.format}`)}</dd>
                    </div>
                    <div>
                      <dt>{t('dashboard.questions')}</dt>
                      <dd>{t('dashboard.questionCount', { count: ev.questionCount })}</dd>
                    </div>
                  </dl>
                </li>
              ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
