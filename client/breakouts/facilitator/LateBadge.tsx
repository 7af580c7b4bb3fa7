/** "late · 10:07": someone who first came after the round started (the server records it, staff only). */
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import { formatTime } from '../../ui/format.js';

export function LateBadge({ round, id }: { round: RoundView | null; id: string }) {
  const { t, i18n } = useTranslation();
  const at = round?.late?.[id];
  if (!at) return null;
  return <span className="badge badge-late">{t('breakouts.people.late', { time: formatTime(at, i18n.language) })}</span>;
}
