/**
 * What an attendee watches or joins besides Plenum: the YouTube broadcast of a `broadcast` event (beside
 * the Q&A on wide screens, above it on phones) or the video-meeting button of a `talk` or `solution` event.
 * Both come from the live event settings, so they appear as soon as the organizer sets them.
 */
import type { ReactNode } from 'react';
import { parseYoutubeVideo } from '../../shared/events/youtube-url.js';
import type { EventInfo } from '../../shared/events/schemas.js';
import { BroadcastEmbed } from './BroadcastEmbed.js';
import { MeetingLink } from './MeetingLink.js';

export interface Media {
  videoId: string | null;
  meetingUrl: string | null;
}

export function mediaOf(event: Pick<EventInfo, 'format' | 'settings'>): Media {
  const parsed = event.format === 'broadcast' ? parseYoutubeVideo(event.settings.youtube.url) : null;
  const meeting = event.format === 'talk' || event.format === 'solution' ? event.settings.stage.meetingUrl : null;
  return { videoId: parsed?.ok ? parsed.videoId : null, meetingUrl: meeting };
}

/** Wraps the attendee's panels: with a broadcast the page gets two columns on wide screens. */
export function EventMedia({ event, children }: { event: Pick<EventInfo, 'format' | 'settings' | 'title'>; children: ReactNode }) {
  const media = mediaOf(event);
  if (media.videoId) {
    return (
      <div className="attendee-split">
        <div className="attendee-video">
          <BroadcastEmbed videoId={media.videoId} title={event.title} />
        </div>
        <div className="attendee-main">{children}</div>
      </div>
    );
  }
  return (
    <>
      {media.meetingUrl && <MeetingLink url={media.meetingUrl} />}
      {children}
    </>
  );
}
