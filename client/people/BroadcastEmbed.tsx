/**
 * The live broadcast of a `broadcast` event, click to play: until the attendee presses play the page
 * shows a local poster and makes no request to YouTube (no player, no thumbnail); then the player comes
 * from youtube-nocookie.com, which sets no tracking cookies before playback.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function embedUrl(videoId: string): string {
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(videoId)}?autoplay=1`;
}

export function BroadcastEmbed({ videoId, title }: { videoId: string; title: string }) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  return (
    <section className="live-video" aria-labelledby="broadcast-heading">
      <h2 id="broadcast-heading" className="sr-only">
        {t('attendee.broadcast.heading')}
      </h2>
      <div className="live-video-frame">
        {playing ? (
          <iframe
            src={embedUrl(videoId)}
            title={t('attendee.broadcast.playerTitle', { title })}
            allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
            // The page sends no referrer at all; YouTube's player needs the origin (never a path or token).
            referrerPolicy="strict-origin"
          />
        ) : (
          <button type="button" className="live-video-poster" onClick={() => setPlaying(true)}>
            <svg className="live-video-play" viewBox="0 0 68 48" aria-hidden="true" focusable="false">
              <rect width="68" height="48" rx="12" />
              <path d="M27 14 L47 24 L27 34 Z" />
            </svg>
            <span className="live-video-label">{t('attendee.broadcast.play')}</span>
          </button>
        )}
      </div>
      {!playing && <p className="hint">{t('attendee.broadcast.privacy')}</p>}
    </section>
  );
}
