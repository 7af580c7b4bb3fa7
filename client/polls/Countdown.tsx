/**
 * Seconds left until `endsAt` against the server clock. The digits are a timer (not read out every
 * second); the last 5 seconds and "time is up" are announced once.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NowFn } from './types.js';

export function secondsLeft(endsAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
}

export function formatSeconds(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function Countdown({ endsAt, now = Date.now, label, onExpire }: { endsAt: string; now?: NowFn; label?: string; onExpire?(): void }) {
  const { t } = useTranslation();
  const labelId = useId();
  const [left, setLeft] = useState(() => secondsLeft(endsAt, now()));
  useEffect(() => {
    setLeft(secondsLeft(endsAt, now()));
    const timer = setInterval(() => setLeft(secondsLeft(endsAt, now())), 250);
    return () => clearInterval(timer);
  }, [endsAt, now]);
  useEffect(() => {
    if (left === 0) onExpire?.();
  }, [left, onExpire]);
  const warn = left <= 5;
  return (
    <div className={`poll-countdown${warn ? ' is-warning' : ''}`}>
      <span id={labelId} className="poll-countdown-label">
        {label ?? t('polls.countdown.left')}
      </span>
      <span className="poll-countdown-digits mono" role="timer" aria-labelledby={labelId}>
        {formatSeconds(left)}
      </span>
      <span className="sr-only" role="status">
        {left === 0 ? t('polls.countdown.over') : warn ? t('polls.countdown.almost') : ''}
      </span>
    </div>
  );
}
