/** /setup?token=… — the one-time link printed by the server creates the first organizer account. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints.js';
import { ApiFailure } from '../api/http.js';
import { usePageLanguage } from '../i18n/index.js';
import { takeLinkToken } from '../kernel/link-token.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { Layout } from '../ui/Layout.js';
import { Progress } from '../ui/Progress.js';
import './organizer.css';

export function SetupPage() {
  const { t } = useTranslation();
  usePageLanguage();
  const navigate = useNavigate();
  const [token] = useState(() => takeLinkToken('setup', 'first'));
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string } | null>(null);
  const ids = { email: useId(), password: useId(), repeat: useId(), hint: useId() };

  useEffect(() => {
    let live = true;
    api.setupNeeded().then(
      (r) => live && setNeeded(r.needed),
      (err: unknown) => live && setError({ code: err instanceof ApiFailure ? err.code : 'internal' }),
    );
    return () => {
      live = false;
    };
  }, []);

  let body;
  if (needed === null && !error) body = <Progress label={t('common.loading')} />;
  else if (needed === false) {
    body = (
      <>
        <p>{t('setup.done')}</p>
        <p>
          <Link to="/login">{t('setup.toLogin')}</Link>
        </p>
      </>
    );
  } else if (!token) body = <p className="notice">{t('setup.noToken')}</p>;
  else {
    body = (
      <form
        className="stack card"
        onSubmit={async (e) => {
          e.preventDefault();
          if (password.length < 8) return setError({ code: 'password_short' });
          if (password !== repeat) return setError({ code: 'password_mismatch' });
          setBusy(true);
          setError(null);
          try {
            await api.setup(token, email, password);
            navigate('/dashboard', { replace: true });
          } catch (err) {
            setBusy(false);
            setError({ code: err instanceof ApiFailure ? (err.status === 401 || err.status === 403 ? 'setup_token' : err.code) : 'internal' });
          }
        }}
      >
        <p>{t('setup.lead')}</p>
        <label htmlFor={ids.email}>{t('login.email')}</label>
        <input id={ids.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={ids.password}>{t('setup.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          aria-describedby={ids.hint}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id={ids.hint} className="hint">
          {t('setup.passwordHint')}
        </p>
        <label htmlFor={ids.repeat}>{t('setup.repeat')}</label>
        <input id={ids.repeat} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        <Button type="submit" variant="primary" busy={busy}>
          {t('setup.submit')}
        </Button>
      </form>
    );
  }

  return (
    <Layout width="narrow">
      <h1>{t('setup.title')}</h1>
      {body}
      <ErrorText error={error} />
    </Layout>
  );
}
