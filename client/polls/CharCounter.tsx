/** "12 / 40" under a field; says in words when the text is too long (not only by color). */
import { useTranslation } from 'react-i18next';

export function CharCounter({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation();
  const left = max - length;
  return (
    <p id={id} className={`counter${left < 0 ? ' is-over' : left <= Math.min(20, max / 4) ? ' is-near' : ''}`}>
      {left < 0 ? t('polls.counter.over', { count: -left }) : t('polls.counter.count', { length, max })}
    </p>
  );
}
