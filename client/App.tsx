/** The routes of the single-page app; the server answers every non-API path with index.html. */
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { usePageLanguage } from './i18n/index.js';
import { JoinPage } from './join/JoinPage.js';
import { DashboardPage } from './organizer/DashboardPage.js';
import { EventDetailPage } from './organizer/EventDetailPage.js';
import { LoginPage } from './organizer/LoginPage.js';
import { RequireOrganizer } from './organizer/session.js';
import { SetupPage } from './organizer/SetupPage.js';
import { AttendeePage } from './qa/attendee/AttendeePage.js';
import { ModeratorPage } from './qa/moderator/ModeratorPage.js';
import { StagePage } from './stage/StagePage.js';
import { Layout } from './ui/Layout.js';

export function App() {
  return (
    <Routes>
      <Route path="/" element={<JoinPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route
        path="/dashboard"
        element={
          <RequireOrganizer>
            <DashboardPage />
          </RequireOrganizer>
        }
      />
      <Route
        path="/dashboard/events/:id"
        element={
          <RequireOrganizer>
            <EventDetailPage />
          </RequireOrganizer>
        }
      />
      <Route path="/e/:code" element={<AttendeePage />} />
      <Route path="/e/:code/moderate" element={<ModeratorPage />} />
      <Route path="/e/:code/stage" element={<StagePage />} />
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
