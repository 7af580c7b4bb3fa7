/**
 * Which new identities of an event joined from the same address, without storing the address: the first
 * identity from an address gets a random tag, held in memory for 24 hours against the address, and every
 * further identity from that address (same event) gets the same tag. Only the tag is stored (attendees.
 * join_tag); it cannot be turned back into the address. The Q&A's vote alert counts how many flagged
 * voters share one (docs/security.md). A restart, or another node of a cluster, starts new tags.
 */
import { randomBytes } from 'node:crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

export class JoinTags {
  private readonly tags = new Map<string, { tag: string; at: number }>();
  private calls = 0;

  tagFor(eventId: string, address: string, now: number): string {
    if (++this.calls % 1000 === 0) this.sweep(now);
    const key = `${eventId}\u0000${address}`;
    const known = this.tags.get(key);
    if (known && now - known.at < DAY_MS) return known.tag;
    const tag = randomBytes(9).toString('base64url');
    this.tags.set(key, { tag, at: now });
    return tag;
  }

  forgetEvent(eventId: string): void {
    for (const key of this.tags.keys()) if (key.startsWith(`${eventId}\u0000`)) this.tags.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, { at }] of this.tags) if (now - at >= DAY_MS) this.tags.delete(key);
  }
}
