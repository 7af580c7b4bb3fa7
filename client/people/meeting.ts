/**
 * Which video-meeting service a join link belongs to, from its host (and, for BigBlueButton, which runs
 * on any host, its usual paths), so the button can say "Join the Zoom meeting". Pure; unknown services
 * get the generic button.
 */
export type MeetingProvider = 'zoom' | 'jitsi' | 'bbb' | 'teams' | 'meet' | 'webex';

const BY_HOST: ReadonlyArray<[RegExp, MeetingProvider]> = [
  [/(^|\.)zoom\.(us|com)$/, 'zoom'],
  [/(^|\.)zoomgov\.com$/, 'zoom'],
  [/(^|\.)jit\.si$/, 'jitsi'],
  [/(^|[.-])jitsi([.-]|$)/, 'jitsi'],
  [/(^|[.-])(bbb|bigbluebutton)([.-]|$)/, 'bbb'],
  [/(^|\.)teams\.(microsoft|live)\.com$/, 'teams'],
  [/^meet\.google\.com$/, 'meet'],
  [/(^|\.)webex\.com$/, 'webex'],
];

/** BigBlueButton's API join and Greenlight's room paths. */
const BBB_PATH = /^\/(bigbluebutton\/api\/join|b\/[^/]+|rooms\/[^/]+(\/join)?\/?$)/;

export function meetingProvider(url: string): MeetingProvider | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  for (const [pattern, provider] of BY_HOST) if (pattern.test(host)) return provider;
  if (BBB_PATH.test(parsed.pathname)) return 'bbb';
  return null;
}

/** Display names; brand names are the same in German and English. */
export const MEETING_PROVIDER_NAME: Record<MeetingProvider, string> = {
  zoom: 'Zoom',
  jitsi: 'Jitsi',
  bbb: 'BigBlueButton',
  teams: 'Microsoft Teams',
  meet: 'Google Meet',
  webex: 'Webex',
};
