/**
 * How to join: the event code, the join address and a QR code generated in the browser. Full size when the
 * join screen is on air (or nothing is), small in the corner of the presenter screen while something else
 * is on air (JoinCorner).
 */
import { useTranslation } from 'react-i18next';
import type { OnAirProps } from '../kernel/feature.js';
import { useEventState } from '../kernel/react.js';
import { FitText } from '../ui/FitText.js';
import { formatCode } from '../ui/format.js';
import { QrCode } from '../ui/QrCode.js';
import { useStageDisplay } from './display.js';
import { joinUrlOf, shortUrl } from './theme.js';

function useJoin(): { code: string; url: string } | null {
  const code = useEventState((s) => s.synced.event?.code);
  return code ? { code, url: joinUrlOf(window.location.origin, code) } : null;
}

export default function JoinScreen({ variant }: OnAirProps) {
  const { t } = useTranslation();
  const join = useJoin();
  const { showQr } = useStageDisplay();
  if (!join) return null;
  if (variant === 'line') return <>{t('stage.join')}</>;
  if (variant === 'overlay') {
    return (
      <FitText className="overlay-join" max={64} watch={join.url}>
        <p className="overlay-join-text">
          {t('stage.joinAt')} <strong>{shortUrl(join.url)}</strong> · {t('stage.code')} <span className="mono">{formatCode(join.code)}</span>
        </p>
      </FitText>
    );
  }
  return (
    <div className={`stage-join-screen${showQr ? '' : ' no-qr'}`}>
      {showQr && (
        <div className="stage-join-qr" data-testid="stage-qr">
          <QrCode value={join.url} alt={t('stage.qrAlt', { url: shortUrl(join.url) })} size={600} />
        </div>
      )}
      <FitText className="stage-join-text" max={120} watch={`${join.url}${showQr}`}>
        <p className="stage-invite">{t('stage.invite')}</p>
        <p className="stage-join-label">{t('stage.joinAt')}</p>
        <p className="stage-url">{shortUrl(join.url)}</p>
        <p className="stage-code">
          {t('stage.code')} <span className="mono">{formatCode(join.code)}</span>
        </p>
      </FitText>
    </div>
  );
}

/** The small join element in the header while something else is on air. */
export function JoinCorner() {
  const { t } = useTranslation();
  const join = useJoin();
  const { showQr } = useStageDisplay();
  if (!join) return null;
  return (
    <div className="stage-corner">
      <FitText className="stage-corner-text" max={40} watch={join.url}>
        <p className="stage-corner-label">{t('stage.joinAt')}</p>
        <p className="stage-corner-url">{shortUrl(join.url)}</p>
        <p className="stage-corner-code">
          {t('stage.code')} <span className="mono">{formatCode(join.code)}</span>
        </p>
      </FitText>
      {showQr && (
        <div className="stage-corner-qr" data-testid="stage-qr">
          <QrCode value={join.url} alt={t('stage.qrAlt', { url: shortUrl(join.url) })} size={190} />
        </div>
      )}
    </div>
  );
}
