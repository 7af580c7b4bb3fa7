/**
 * The attendee page's polls panel as loaded with the page: nothing but a check of the synced state. The
 * panel itself (answer forms, results, quiz) is fetched once the event has a published poll.
 */
import { lazyWhen } from '../../kernel/LazyWhen.js';
import { attendeePolls } from '../selectors.js';

export default lazyWhen(
  (s) => {
    const { current, earlier } = attendeePolls(s.polls);
    return current.length > 0 || earlier.length > 0;
  },
  () => import('./AttendeePollsPanel.js'),
);
