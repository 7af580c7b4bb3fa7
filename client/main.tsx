// The kernel sheet first: every feature sheet comes after it, as when it was one file.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { clientFeatures } from './features.js';
import { initI18n } from './i18n/index.js';
import { FeaturesProvider } from './kernel/react.js';

// The page's language is loaded first (one chunk; the other language only on a switch), then the app renders
// (also if that load failed: the page then shows keys rather than nothing).
void initI18n(undefined, clientFeatures).catch(() => undefined).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <FeaturesProvider features={clientFeatures}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </FeaturesProvider>
    </StrictMode>,
  ),
);
