/** Tests: the polls strings are not in the app catalogue yet (the integrator registers them); add them here. */
import i18n from 'i18next';
import de from './i18n/de.json';
import en from './i18n/en.json';

export function loadPollsI18n(): void {
  i18n.addResourceBundle('de', 'translation', de, true, true);
  i18n.addResourceBundle('en', 'translation', en, true, true);
}
