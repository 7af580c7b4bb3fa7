/** / — type the six-digit code to join an event. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { joinApi } from '../api/join.js';
import { ApiFailure } from '../api/http.js';
import { usePageLanguage } from '../i18n/index.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { Layout } from '../ui/Layout.js';
import './people.css';

export function JoinPage() {
  const { t } = useTranslation();
  usePageLanguage();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string } | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const digits = code.replace(/\D/g, '');

  return (
    <Layout width="narrow">
      <div className="join">
        <h1>{t('join.title')}</h1>
        <p className="lead">{t('join.lead')}</p>
        <form
          className="join-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (digits.length !== 6) {
              setError({ code: 'join_invalid_code' });
              return;
            }
            setBusy(true);
            setError(null);
            try {
              await joinApi.joinInfo(digits);
              navigate(`/e/${digits}`);
            } catch (err) {
              setBusy(false);
              setError({ code: err instanceof ApiFailure && err.code === 'not_found' ? 'join_not_found' : err instanceof ApiFailure ? err.code : 'internal' });
            }
          }}
        >
          <label htmlFor={fieldId} className="field-label">
            {t('join.codeLabel')}
          </label>
          <input
            id={fieldId}
            className="code-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            pattern="[0-9 ]*"
            maxLength={7}
            autoFocus
            value={code}
            aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
          />
          <p id={hintId} className="hint">
            {t('join.codeHint')}
          </p>
          <Button type="submit" variant="primary" size="lg" busy={busy}>
            {t('join.submit')}
          </Button>
          <ErrorText error={error} id={errorId} />
        </form>
        <p className="join-organizer">
          <Link to="/login">{t('join.organizerLogin')}</Link>
        </p>
      </div>
    </Layout>
  );
}
