/** talk and solution events: the button that opens the video meeting (Zoom, Jitsi, BigBlueButton …) in a new tab. */
import { useTranslation } from 'react-i18next';
import { MEETING_PROVIDER_NAME, meetingProvider } from './meeting.js';

export function MeetingLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const provider = meetingProvider(url);
  return (
    <p className="meeting-link">
      <a className="btn btn-primary btn-lg" href={url} target="_blank" rel="noopener noreferrer">
        {provider ? t('attendee.meeting.joinNamed', { provider: MEETING_PROVIDER_NAME[provider] }) : t('attendee.meeting.join')}
        <span className="sr-only"> {t('attendee.meeting.newTab')}</span>
      </a>
    </p>
  );
}
