/**
 * The stream overlay's address for OBS: the stage link with /overlay instead of /stage (same token, so
 * renewing the stage link renews it), and what its URL parameters do (client/stage reads them).
 */
import { useTranslation } from 'react-i18next';
import { LinkRow } from './LinkRow.js';

/** https://host/e/CODE/stage?token=… → https://host/e/CODE/overlay?token=… */
export function overlayUrlOf(stageLink: string): string {
  const url = new URL(stageLink);
  url.pathname = url.pathname.replace(/\/stage$/, '/overlay');
  return url.toString();
}

const PARAMS = ['position', 'scale', 'theme', 'autohide'] as const;

export function OverlayLink({ stageLink }: { stageLink: string }) {
  const { t } = useTranslation();
  return (
    <div className="role-link overlay-link">
      <LinkRow label={t('detail.link.overlay')} url={overlayUrlOf(stageLink)} copyLabel={t('detail.copy.overlay')} />
      <p className="hint">{t('detail.overlayLead')}</p>
      <ul className="hint overlay-params">
        {PARAMS.map((p) => (
          <li key={p}>{t(`detail.overlayParams.${p}`)}</li>
        ))}
      </ul>
    </div>
  );
}
