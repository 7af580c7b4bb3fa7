/**
 * One card of the event page that edits part of the event's settings: the heading, and a save function
 * for the form inside (PATCH /api/events/:id { settings }, then the page reloads the event). A refusal
 * comes back as the error to show, with the fields the server named.
 */
import { useCallback, useId, type ReactNode } from 'react';
import type { EventSettingsPatch } from '../../shared/events/schemas.js';
import { api } from '../api/endpoints.js';
import { ApiFailure } from '../api/http.js';
import type { ErrorLike } from '../i18n/errors.js';

export interface SaveError extends ErrorLike {
  /** invalid_payload: the paths the server did not accept ("settings.stage.meetingUrl"). */
  fields?: readonly string[];
}

export type SaveSettings = (patch: EventSettingsPatch) => Promise<SaveError | null>;

export function SettingsCard(props: { eventId: string; heading: string; onSaved(): Promise<void>; children(save: SaveSettings): ReactNode }) {
  const { eventId, heading, onSaved, children } = props;
  const headingId = useId();
  const save = useCallback<SaveSettings>(
    async (patch) => {
      try {
        await api.updateEvent(eventId, { settings: patch });
        await onSaved();
        return null;
      } catch (err) {
        if (!(err instanceof ApiFailure)) return { code: 'internal' };
        return err.fields ? { code: err.code, fields: err.fields } : { code: err.code };
      }
    },
    [eventId, onSaved],
  );
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {children(save)}
    </section>
  );
}
