import { describe, expect, it } from 'vitest';
import { meetingProvider } from './meeting.js';

describe('meetingProvider', () => {
  it.each([
    ['https://us02web.zoom.us/j/85912345678?pwd=abc', 'zoom'],
    ['https://zoom.us/j/1', 'zoom'],
    ['https://acme.zoom.com/j/1', 'zoom'],
    ['https://meet.jit.si/PlenumTownHall', 'jitsi'],
    ['https://jitsi.example.org/room', 'jitsi'],
    ['https://video-jitsi.uni.example/room', 'jitsi'],
    ['https://bbb.uni-example.de/b/abc-123', 'bbb'],
    ['https://bigbluebutton.example.org/rooms/xyz/join', 'bbb'],
    ['https://konferenz.example.de/b/max-k3x-9yz', 'bbb'],
    ['https://lernen.example.de/bigbluebutton/api/join?meetingID=1', 'bbb'],
    ['https://teams.microsoft.com/l/meetup-join/19%3a', 'teams'],
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://acme.webex.com/meet/x', 'webex'],
  ])('%s → %s', (url, provider) => {
    expect(meetingProvider(url)).toBe(provider);
  });

  it.each(['https://example.org/meeting', 'https://notzoom.us.evil.example/j/1', 'https://zoom.us.evil.example/j/1', 'not a url', ''])(
    'unknown or lookalike: %s → null',
    (url) => {
      expect(meetingProvider(url)).toBeNull();
    },
  );
});
