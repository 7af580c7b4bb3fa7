import { describe, expect, it } from 'vitest';
import { JoinTags } from './join-tags.js';

const DAY = 24 * 60 * 60 * 1000;

describe('JoinTags', () => {
  it('one address of one event shares a tag for 24 hours; other addresses and events get others', () => {
    const tags = new JoinTags();
    const a = tags.tagFor('e1', '10.0.0.1', 0);
    expect(tags.tagFor('e1', '10.0.0.1', DAY - 1)).toBe(a);
    expect(tags.tagFor('e1', '10.0.0.2', 0)).not.toBe(a);
    expect(tags.tagFor('e2', '10.0.0.1', 0)).not.toBe(a);
    expect(tags.tagFor('e1', '10.0.0.1', DAY)).not.toBe(a);
  });

  it('the tag is random, not derived from the address', () => {
    const tag = new JoinTags().tagFor('e1', '192.168.1.20', 0);
    expect(new JoinTags().tagFor('e1', '192.168.1.20', 0)).not.toBe(tag);
    expect(tag).not.toContain('192');
  });

  it('forgets an event', () => {
    const tags = new JoinTags();
    const a = tags.tagFor('e1', 'x', 0);
    tags.forgetEvent('e1');
    expect(tags.tagFor('e1', 'x', 1)).not.toBe(a);
  });
});
