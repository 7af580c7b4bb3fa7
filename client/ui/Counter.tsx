/** "123 / 300" under a text field; turns into a warning (with text, not only color) near the limit. */
import { useTranslation } from 'react-i18next';

export function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation();
  const left = max - length;
  return (
    <p id={id} className={`counter${left < 0 ? ' is-over' : left <= 20 ? ' is-near' : ''}`}>
      {left < 0 ? t('qa.ask.tooLong', { count: -left }) : t('qa.ask.counter', { length, max })}
    </p>
  );
}
