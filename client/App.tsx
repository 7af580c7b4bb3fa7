/** The routes of the single-page app; the server answers every non-API path with index.html. */
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { clientFeatures } from './features.js';
import { usePageLanguage } from './i18n/index.js';
import { AttendeePage } from './people/AttendeePage.js';
import { JoinPage } from './people/JoinPage.js';
import { Layout } from './ui/Layout.js';
import { Progress } from './ui/Progress.js';

// Attendees (on phones) load only what they need; the other roles' pages come in their own chunks, the
// features' pages (moderate, facilitate …) from their registration (client/features.ts).
const LoginPage = lazy(() => import('./organizer/LoginPage.js').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('./organizer/SetupPage.js').then((m) => ({ default: m.SetupPage })));
const DashboardPage = lazy(() => import('./organizer/DashboardPage.js').then((m) => ({ default: m.DashboardPage })));
const EventDetailPage = lazy(() => import('./organizer/EventDetailPage.js').then((m) => ({ default: m.EventDetailPage })));
const RequireOrganizer = lazy(() => import('./organizer/session.js').then((m) => ({ default: m.RequireOrganizer })));

function Loading() {
  const { t } = useTranslation();
  return (
    <Layout>
      <h1>Plenum</h1>
      <Progress label={t('common.loading')} />
    </Layout>
  );
}

const featureRoutes = clientFeatures.flatMap((f) => (f.routes ?? []).map((r) => ({ path: r.path, Component: lazy(r.load) })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function App() {
  return (
    <Routes>
      <Route path="/" element={<JoinPage />} />
      <Route path="/login" element={<Page><LoginPage /></Page>} />
      <Route path="/setup" element={<Page><SetupPage /></Page>} />
      <Route
        path="/dashboard"
        element={
          <Page>
            <RequireOrganizer>
              <DashboardPage />
            </RequireOrganizer>
          </Page>
        }
      />
      <Route
        path="/dashboard/events/:id"
        element={
          <Page>
            <RequireOrganizer>
              <EventDetailPage />
            </RequireOrganizer>
          </Page>
        }
      />
      <Route path="/e/:code" element={<AttendeePage />} />
      {featureRoutes.map(({ path, Component }) => (
        <Route key={path} path={path} element={<Page><Component /></Page>} />
      ))}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NotFound() {
  const { t } = useTranslation();
  usePageLanguage();
  return (
    <Layout width="narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Layout>
  );
}
