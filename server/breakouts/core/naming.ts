/** Default group names and video links from a template. Pure. */
import type { Language } from '../../../shared/events/schemas.js';

export function defaultGroupName(language: Language, index: number): string {
  return `${language === 'de' ? 'Gruppe' : 'Group'} ${index + 1}`;
}

/**
 * Expands `{event}` (event code), `{round}` (round number) and `{group}` (1-based group number), each
 * URL-encoded, so a template like https://meet.jit.si/plenum-{event}-{round}-{group} gives every group its
 * own room. Returns null when the result is not an http(s) URL (a typo in the template must not produce a
 * link that opens something else).
 */
export function expandVideoTemplate(template: string, values: { event: string; round: number; group: number }): string | null {
  const filled = template.replace(/\{(event|round|group)\}/g, (_, key: 'event' | 'round' | 'group') => encodeURIComponent(String(values[key])));
  try {
    const url = new URL(filled);
    return url.protocol === 'https:' || url.protocol === 'http:' ? filled : null;
  } catch {
    return null;
  }
}
