import { describe, expect, it } from 'vitest';
import { defaultGroupName, expandVideoTemplate } from './naming.js';

describe('group names and video links', () => {
  it('names groups by the event language, counting from 1', () => {
    expect(defaultGroupName('de', 0)).toBe('Gruppe 1');
    expect(defaultGroupName('en', 11)).toBe('Group 12');
  });

  it('fills {event}, {round} and {group}, URL-encoded, every occurrence', () => {
    expect(expandVideoTemplate('https://meet.jit.si/plenum-{event}-{round}-{group}', { event: '482913', round: 2, group: 7 })).toBe(
      'https://meet.jit.si/plenum-482913-2-7',
    );
    expect(expandVideoTemplate('https://x.example/{group}/{group}?e={event}', { event: 'a b&c', round: 1, group: 3 })).toBe(
      'https://x.example/3/3?e=a%20b%26c',
    );
    expect(expandVideoTemplate('https://zoom.example/j/123', { event: '1', round: 1, group: 1 })).toBe('https://zoom.example/j/123');
  });

  it('refuses templates that give no web address', () => {
    expect(expandVideoTemplate('meet-{group}', { event: '1', round: 1, group: 1 })).toBeNull();
    expect(expandVideoTemplate('javascript:alert({group})', { event: '1', round: 1, group: 1 })).toBeNull();
  });
});
