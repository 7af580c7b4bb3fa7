/** The broadcast embed (click to play, nothing from YouTube before) and the meeting button on the attendee page. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { EventSettings, type EventFormat } from '../../shared/events/schemas.js';
import { EventMedia, mediaOf } from './EventMedia.js';

const LONG_TITLE = 'Quartalsversammlung aller Standorte mit Fragen und Antworten zur neuen Strategie'.padEnd(200, '!');

function event(format: EventFormat, settings: { youtube?: object; stage?: object }) {
  return { format, title: LONG_TITLE, settings: EventSettings.parse(settings) };
}

function show(format: EventFormat, settings: { youtube?: object; stage?: object }) {
  return render(
    <EventMedia event={event(format, settings)}>
      <p>Q&A</p>
    </EventMedia>,
  );
}

/** Every address the rendered DOM would load or link to. */
const addresses = (root: HTMLElement) =>
  [...root.querySelectorAll('[src], [href], [srcset], [poster], [data]')].flatMap((el) =>
    ['src', 'href', 'srcset', 'poster', 'data'].map((a) => el.getAttribute(a)).filter((v): v is string => Boolean(v)),
  );

describe('EventMedia', () => {
  it('broadcast with a YouTube URL: a local poster, nothing pointing at YouTube until play is pressed', async () => {
    const { container } = show('broadcast', { youtube: { url: 'https://www.youtube.com/watch?v=LiveVideo01' } });
    expect(screen.getByRole('button', { name: 'Live-Übertragung abspielen' })).toBeInTheDocument();
    expect(container.querySelector('iframe')).toBeNull();
    expect(addresses(container).filter((a) => /youtube|ytimg|google/i.test(a))).toEqual([]);
    expect(container.innerHTML).not.toMatch(/youtube\.com|ytimg|youtube-nocookie\.com\/embed/);
    expect(screen.getByText(/erst geladen, wenn Sie auf Abspielen drücken/)).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Live-Übertragung abspielen' }));
    const frame = container.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/LiveVideo01?autoplay=1');
    expect(frame).toHaveAttribute('title', `Live-Übertragung: ${LONG_TITLE}`);
    expect(frame.getAttribute('allow')).toContain('autoplay');
    expect(screen.getByText('Q&A')).toBeInTheDocument();
  });

  it('takes the video id from every URL form the settings accept (youtu.be, live/, a bare id)', () => {
    for (const url of ['https://youtu.be/LiveVideo01', 'https://www.youtube.com/live/LiveVideo01', 'LiveVideo01']) {
      expect(mediaOf(event('broadcast', { youtube: { url } })).videoId, url).toBe('LiveVideo01');
    }
  });

  it('no embed without a URL or for other formats; no meeting button for broadcast or space events', () => {
    expect(mediaOf(event('broadcast', {}))).toEqual({ videoId: null, meetingUrl: null });
    for (const format of ['talk', 'solution', 'space'] as const) {
      expect(mediaOf(event(format, { youtube: { url: 'LiveVideo01' } })).videoId).toBeNull();
    }
    for (const format of ['broadcast', 'space'] as const) {
      expect(mediaOf(event(format, { stage: { meetingUrl: 'https://meet.jit.si/x' } })).meetingUrl).toBeNull();
    }
    const { container } = show('space', { stage: { meetingUrl: 'https://meet.jit.si/x' } });
    expect(container.querySelector('a, iframe, button')).toBeNull();
  });

  it.each([
    ['talk', 'https://us02web.zoom.us/j/85912345678?pwd=abc', 'Der Videokonferenz beitreten (Zoom)'],
    ['solution', 'https://meet.jit.si/PlenumTownHall', 'Der Videokonferenz beitreten (Jitsi)'],
    ['talk', 'https://bbb.uni-example.de/b/abc-123', 'Der Videokonferenz beitreten (BigBlueButton)'],
    ['talk', 'https://video.example.org/room/1', 'Der Videokonferenz beitreten'],
  ] as const)('%s with %s: a join button named after the service, opening in a new tab', (format, url, name) => {
    show(format, { stage: { meetingUrl: url } });
    const link = screen.getByRole('link', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')} \\(öffnet in einem neuen Tab\\)$`) });
    expect(link).toHaveAttribute('href', url);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('axe finds nothing, before and after play', async () => {
    const { container } = show('broadcast', { youtube: { url: 'LiveVideo01' } });
    const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
    expect((await axe.run(container, { rules })).violations.map((v) => v.id)).toEqual([]);
    await userEvent.setup().click(screen.getByRole('button'));
    // The player's own document is YouTube's; axe checks the frame element (its title) here.
    expect((await axe.run(container, { rules, iframes: false })).violations.map((v) => v.id)).toEqual([]);
  });
});
