/**
 * The speaker view (/e/:code/speaker, the speaker link): the picked questions for the person on stage,
 * on a phone or tablet at the desk. Keeps no synced state of its own: it reads the Q&A and stage slices.
 */
import { stateless } from '../kernel/feature.js';

export const speakerFeature = stateless('speaker', {
  i18n: { de: () => import('./i18n/de.json'), en: () => import('./i18n/en.json') },
  routes: [{ path: '/e/:code/speaker', load: () => import('./SpeakerPage.js').then((m) => ({ default: m.SpeakerPage })) }],
});
