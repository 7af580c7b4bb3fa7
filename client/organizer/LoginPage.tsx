/** /login — organizers sign in with email and password. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.js';
import { ApiFailure } from '../api/http.js';
import { usePageLanguage } from '../i18n/index.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { Layout } from '../ui/Layout.js';
import './organizer.css';

/** Only same-site paths, so the login cannot be abused as an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string } | null>(null);
  const [setupNeeded, setSetupNeeded] = useState(false);
  const ids = { email: useId(), password: useId() };

  useEffect(() => {
    let live = true;
    api.me().then(
      () => live && navigate(next, { replace: true }),
      () => undefined,
    );
    api.setupNeeded().then(
      (r) => live && setSetupNeeded(r.needed),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [navigate, next]);

  return (
    <Layout width="narrow">
      <h1>{t('login.title')}</h1>
      {setupNeeded && <p className="notice">{t('login.setupNeeded')}</p>}
      <form
        className="stack card"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await api.login(email, password);
            navigate(next, { replace: true });
          } catch (err) {
            setBusy(false);
            setError({ code: err instanceof ApiFailure ? (err.status === 401 ? 'login_failed' : err.code) : 'internal' });
          }
        }}
      >
        <label htmlFor={ids.email}>{t('login.email')}</label>
        <input id={ids.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={ids.password}>{t('login.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {t('login.submit')}
        </Button>
        <ErrorText error={error} />
      </form>
      <p>
        <Link to="/">{t('login.toJoin')}</Link>
      </p>
    </Layout>
  );
}
