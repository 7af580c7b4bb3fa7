/** Who may put what on air (mirrors shared/stage: moderators anything, facilitators rounds and the join screen). */
import type { Role } from '../../shared/kernel/roles.js';

export function mayPutOnAir(role: Role | undefined, kind: string): boolean {
  if (role === 'organizer' || role === 'moderator') return true;
  if (role === 'facilitator') return kind === 'round' || kind === 'join';
  return false;
}

export function isModerator(role: Role | undefined): boolean {
  return role === 'organizer' || role === 'moderator';
}
