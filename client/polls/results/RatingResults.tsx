/** Rating results: the mean (and how many rated), then one bar per value (stars or numbers) with the end labels. */
import { useTranslation } from 'react-i18next';
import { Bars, ResponsesLine } from './ChoiceResults.js';

export function RatingResults({ scale, distribution, mean, lowLabel, highLabel, present }: {
  scale: number;
  distribution: readonly number[];
  mean: number | null;
  lowLabel?: string | null;
  highLabel?: string | null;
  present?: number | null;
}) {
  const { t, i18n } = useTranslation();
  const total = distribution.reduce((a, b) => a + b, 0);
  const nf = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const label = (v: number) => {
    const base = scale === 5 ? t('polls.rating.stars', { count: v }) : String(v);
    if (v === 1 && lowLabel) return `${base} – ${lowLabel}`;
    if (v === scale && highLabel) return `${base} – ${highLabel}`;
    return base;
  };
  return (
    <div className="poll-results">
      <ResponsesLine responses={total} present={present} />
      <p className="poll-mean">
        {mean === null ? t('polls.rating.noMean') : t('polls.rating.mean', { mean: nf.format(mean), max: scale })}
      </p>
      <Bars
        rows={Array.from({ length: scale }, (_, i) => scale - i).map((v) => ({ id: String(v), label: label(v), count: distribution[v - 1] ?? 0 }))}
        total={total}
        label={t('polls.rating.distribution')}
      />
    </div>
  );
}
