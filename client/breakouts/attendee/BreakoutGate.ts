/**
 * The attendee page's breakouts panel as loaded with the page: nothing but a check of the synced state.
 * The area itself (group card, shared result editor, chooser) is fetched once there is a round to show.
 */
import { lazyWhen } from '../../kernel/LazyWhen.js';
import { activeRound, lastClosedGroup } from '../selectors.js';

export default lazyWhen(
  (s) => {
    const meId = s.me?.id;
    if (!meId) return false;
    return activeRound(s.breakouts.rounds) !== null || lastClosedGroup(s.breakouts.rounds, meId) !== null;
  },
  () => import('./BreakoutArea.js').then((m) => ({ default: m.BreakoutArea })),
);
