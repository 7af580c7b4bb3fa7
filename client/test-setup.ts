import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clientFeatures } from './features.js';
import { initI18n } from './i18n/index.js';

// Component tests read German labels, the default for German events; some switch to English at once.
await initI18n('de', clientFeatures, ['en']);

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
