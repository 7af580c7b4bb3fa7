/**
 * /dashboard/events/:id — links with copy and rotate (and the overlay's address), QR for attendees, export,
 * the settings cards (attendee fields, YouTube, stage), edit and delete.
 */
// First: the organizer sheet precedes the breakouts sheet of the attendee fields editor, as before.
import './organizer.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { EventDetails } from '../../shared/api.js';
import { LinkRole } from '../../shared/kernel/roles.js';
import { api, questionsCsvUrl } from '../api/endpoints.js';
import { ApiFailure } from '../api/http.js';
import { usePageLanguage } from '../i18n/index.js';
import { Button } from '../ui/Button.js';
import { ConfirmButton } from '../ui/ConfirmButton.js';
import { ErrorText } from '../ui/ErrorText.js';
import { formatCode, formatDateTime } from '../ui/format.js';
import { AttendeeFieldsEditor } from '../breakouts/AttendeeFieldsEditor.js';
import { YoutubeSettingsForm } from '../chat/YoutubeSettingsForm.js';
import { Layout } from '../ui/Layout.js';
import { Progress } from '../ui/Progress.js';
import { QrCode } from '../ui/QrCode.js';
import { EventForm, valuesOf } from './EventForm.js';
import { LinkRow } from './LinkRow.js';
import { OverlayLink } from './OverlayLink.js';
import { OrganizerActions } from './session.js';
import { SettingsCard } from './SettingsCard.js';
import { StageSettingsForm } from './StageSettingsForm.js';

export function EventDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageLanguage();
  const navigate = useNavigate();
  const [event, setEvent] = useState<EventDetails | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<{ code: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setEvent(await api.getEvent(id));
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'internal', String(err)));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (failure || !event) {
    return (
      <Layout actions={<OrganizerActions />}>
        <h1>{failure ? (failure.code === 'not_found' ? t('detail.notFound') : t('common.errorTitle')) : t('common.loading')}</h1>
        {failure ? <ErrorText error={failure} /> : <Progress label={t('common.loading')} />}
        <p>
          <Link to="/dashboard">{t('detail.back')}</Link>
        </p>
      </Layout>
    );
  }

  return (
    <Layout actions={<OrganizerActions />}>
      <p>
        <Link to="/dashboard">{t('detail.back')}</Link>
      </p>
      <div className="event-head">
        <h1>{event.title}</h1>
        <p className="event-code">
          {t('common.code')}: <span className="mono">{formatCode(event.code)}</span>
          <span aria-hidden="true"> · </span>
          {t(`format.${event.format}`)}
          <span aria-hidden="true"> · </span>
          {event.startsAt ? formatDateTime(event.startsAt, i18n.language) : t('dashboard.noDate')}
          <span aria-hidden="true"> · </span>
          {t(`language.${event.language}`)}
          <span aria-hidden="true"> · </span>
          {t('dashboard.questionCount', { count: event.questionCount })}
        </p>
      </div>

      <div className="detail-grid">
        <section className="card" aria-labelledby="attendee-heading">
          <h2 id="attendee-heading">{t('detail.attendees')}</h2>
          <p>{t('detail.attendeesLead')}</p>
          <LinkRow label={t('detail.link.attendee')} url={event.links.attendee} copyLabel={t('detail.copy.attendee')} />
          <QrCode value={event.links.attendee} alt={t('detail.qrAlt')} size={180} />
        </section>

        <section className="card" aria-labelledby="open-heading">
          <h2 id="open-heading">{t('detail.open')}</h2>
          <ul className="link-list">
            <li>
              <Link className="btn btn-primary btn-md" to={`/e/${event.code}/moderate`}>
                {t('detail.openModerator')}
              </Link>
            </li>
            <li>
              <Link className="btn btn-secondary btn-md" to={`/e/${event.code}/facilitate`}>
                {t('detail.openFacilitator')}
              </Link>
            </li>
            <li>
              <a className="btn btn-secondary btn-md" href={event.links.stage} target="_blank" rel="noreferrer">
                {t('detail.openStage')}
              </a>
            </li>
            <li>
              <a className="btn btn-secondary btn-md" href={event.links.speaker} target="_blank" rel="noreferrer">
                {t('detail.openSpeaker')}
              </a>
            </li>
            <li>
              <a className="btn btn-secondary btn-md" href={questionsCsvUrl(event.id)} download>
                {t('mod.export.csv')}
              </a>
            </li>
          </ul>
        </section>
      </div>

      <SettingsCard eventId={event.id} heading={t('breakouts.fields.heading')} onSaved={load}>
        {(save) => <AttendeeFieldsEditor settings={event.settings} onSave={save} />}
      </SettingsCard>

      <SettingsCard eventId={event.id} heading={t('chat.settings.heading')} onSaved={load}>
        {(save) => <YoutubeSettingsForm settings={event.settings.youtube} onSave={save} />}
      </SettingsCard>

      <SettingsCard eventId={event.id} heading={t('detail.stage.heading')} onSaved={load}>
        {(save) => <StageSettingsForm key={event.format} settings={event.settings.stage} format={event.format} onSave={save} />}
      </SettingsCard>

      <section className="card" aria-labelledby="links-heading">
        <h2 id="links-heading">{t('detail.roleLinks')}</h2>
        <p>{t('detail.roleLinksLead')}</p>
        {LinkRole.options.map((role) => (
          <RoleLink key={role} event={event} role={role} onRotated={setEvent} />
        ))}
        <OverlayLink stageLink={event.links.stage} />
      </section>

      <section className="card" aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t('detail.edit')}</h2>
        {editing ? (
          <EventForm
            initial={valuesOf(event)}
            submitLabel={t('common.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              try {
                await api.updateEvent(event.id, body);
                await load();
                setEditing(false);
                return null;
              } catch (err) {
                return { code: err instanceof ApiFailure ? err.code : 'internal' };
              }
            }}
          />
        ) : (
          <Button onClick={() => setEditing(true)}>{t('detail.editButton')}</Button>
        )}
      </section>

      <section className="card card-danger" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('detail.delete')}</h2>
        <p>{t('detail.deleteLead')}</p>
        <ConfirmButton
          variant="danger"
          size="md"
          label={t('detail.deleteButton')}
          question={t('detail.deleteQuestion')}
          confirmLabel={t('detail.deleteConfirm')}
          busy={deleting}
          onConfirm={async () => {
            setDeleting(true);
            setDeleteError(null);
            try {
              await api.deleteEvent(event.id);
              navigate('/dashboard', { replace: true });
            } catch (err) {
              setDeleting(false);
              setDeleteError({ code: err instanceof ApiFailure ? err.code : 'internal' });
            }
          }}
        />
        <ErrorText error={deleteError} />
      </section>
    </Layout>
  );
}

function RoleLink({ event, role, onRotated }: { event: EventDetails; role: LinkRole; onRotated(e: EventDetails): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string } | null>(null);
  const [rotated, setRotated] = useState(false);
  return (
    <div className="role-link">
      <LinkRow label={t(`detail.link.${role}`)} url={event.links[role]} copyLabel={t(`detail.copy.${role}`)} />
      <div className="actions">
        <ConfirmButton
          label={t(`detail.rotate.${role}`)}
          question={t('detail.rotateQuestion')}
          confirmLabel={t('detail.rotateConfirm')}
          busy={busy}
          onConfirm={async () => {
            setBusy(true);
            setError(null);
            setRotated(false);
            try {
              onRotated(await api.rotateLink(event.id, role));
              setRotated(true);
            } catch (err) {
              setError({ code: err instanceof ApiFailure ? err.code : 'internal' });
            } finally {
              setBusy(false);
            }
          }}
        />
        <span role="status" className="success-text">
          {rotated ? t('detail.rotated') : ''}
        </span>
      </div>
      <ErrorText error={error} />
    </div>
  );
}
