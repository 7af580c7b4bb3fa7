/**
 * Tells the user what the live connection is doing. While (re)connecting it shows visible progress; when
 * the server refused or revoked access it says why, and what to do.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConnectionState } from '../kernel/store.js';
import { Button } from './Button.js';
import { Progress } from './Progress.js';

export function ConnectionBanner({ connection, hasData }: { connection: ConnectionState; hasData: boolean }) {
  const { t } = useTranslation();
  let body: ReactNode = null;
  let tone = 'info';
  switch (connection.status) {
    case 'live':
      break;
    case 'connecting':
      body = <Progress label={hasData || connection.attempt > 0 ? t('connection.reconnecting') : t('connection.connecting')} />;
      break;
    case 'syncing':
      body = <Progress label={hasData ? t('connection.resyncing') : t('connection.loading')} />;
      break;
    case 'refused':
      tone = 'error';
      body = (
        <>
          <p>
            {connection.reason === 'wrong_role' && connection.roles
              ? t('connection.refused.wrong_role_named', {
                  actual: t(`connection.linkIs.${connection.roles.actual}`),
                  expected: t(`connection.linkNeeded.${connection.roles.expected}`),
                })
              : t(`connection.refused.${connection.reason}`)}
          </p>
          {connection.reason === 'protocol_mismatch' && (
            <Button size="sm" onClick={() => window.location.reload()}>
              {t('connection.reload')}
            </Button>
          )}
          {(connection.reason === 'unauthorized' || connection.reason === 'link_incomplete') && (
            <p>
              <Link to="/login">{t('connection.loginHint')}</Link>
            </p>
          )}
        </>
      );
      break;
    case 'revoked':
      tone = 'error';
      body = <p>{t(`connection.revoked.${connection.reason}`)}</p>;
      break;
    case 'closed':
      tone = 'error';
      body = (
        <>
          <p>{t('connection.closed')}</p>
          <Button size="sm" onClick={() => window.location.reload()}>
            {t('connection.reload')}
          </Button>
        </>
      );
      break;
  }
  // The status region stays in the DOM so changes are announced.
  return (
    <div className={`banner banner-${tone}${body ? '' : ' is-empty'}`} role="status">
      {body}
    </div>
  );
}
