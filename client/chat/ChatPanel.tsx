/**
 * The moderator's YouTube side panel: the bridge's state in words (connected, last read, messages read
 * and imported, quota today and the estimate, the last error and what to do) and the chat feed, from
 * which one click makes a question (chat:import). Only shown when the event has a broadcast linked or
 * the feed has messages.
 */
import { useTranslation } from 'react-i18next';
import type { BridgeStatus, ChatFeedMessage } from '../../shared/chat/schemas.js';
import { useEventState } from '../kernel/react.js';
import { useCommand, useCommands } from '../kernel/useCommand.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import './chat.css';

function useTime() {
  const { i18n } = useTranslation();
  return (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '');
}

export function BridgeStatusView({ status }: { status: BridgeStatus }) {
  const { t } = useTranslation();
  const time = useTime();
  const retry = useCommand('chat:retry');
  const est = status.quotaEstimateForHours;
  const canRetry = status.state === 'error' || status.state === 'backoff' || status.state === 'waiting' || status.state === 'ended';
  return (
    <div className="chat-status">
      <p className={`chat-state chat-state-${status.state}`} role="status">
        <strong>{t(`chat.state.${status.state}`)}</strong>
      </p>
      <p className="hint">{status.state === 'off' && status.offReason ? t(`chat.off.${status.offReason}`) : t(`chat.stateHint.${status.state}`)}</p>
      <ul className="chat-facts">
        <li>{status.lastReadAt ? t('chat.status.lastRead', { time: time(status.lastReadAt) }) : t('chat.status.neverRead')}</li>
        {status.nextPollAt && (
          <li>{t(status.state === 'backoff' ? 'chat.status.retryAt' : 'chat.status.nextPoll', { time: time(status.nextPollAt) })}</li>
        )}
        <li>{t('chat.status.read', { count: status.read })}</li>
        <li>{t('chat.status.imported', { count: status.imported })}</li>
        <li>{t('chat.status.quotaUsed', { used: status.quotaUsedToday, limit: est.dailyLimit, event: status.quotaUsedByEvent })}</li>
        <li>
          {t('chat.quota.estimate', { seconds: Math.round(est.intervalMs / 1000), hours: est.hours, units: est.units, limit: est.dailyLimit })}{' '}
          {t(est.fits ? 'chat.quota.fits' : 'chat.quota.exceeds')}
        </li>
      </ul>
      {status.lastError && (
        <div className="chat-error">
          <h4>{t('chat.status.lastError')}</h4>
          <p>{t(status.lastError.messageKey)}</p>
          <h4>{t('chat.status.whatToDo')}</h4>
          <p>{t(status.lastError.adviceKey)}</p>
          {status.lastError.detail && <p className="hint">{t('chat.status.detail', { detail: status.lastError.detail })}</p>}
        </div>
      )}
      {canRetry && (
        <Button variant="secondary" size="sm" busy={retry.busy} onClick={() => void retry.run({})}>
          {t('chat.status.retry')}
        </Button>
      )}
      <ErrorText error={retry.error} context="chat" />
    </div>
  );
}

function FeedItem({ m, busy, onImport }: { m: ChatFeedMessage; busy: boolean; onImport: () => void }) {
  const { t } = useTranslation();
  return (
    <li className={`chat-msg${m.deleted ? ' is-deleted' : ''}`}>
      <p className="chat-msg-head">
        <strong>{m.author}</strong>
        {m.amount && <span className="badge">{t('chat.feed.superChat', { amount: m.amount })}</span>}
        {m.matched && <span className="badge">{t('chat.feed.matched')}</span>}
        {m.deleted && <span className="badge">{t('chat.feed.deleted')}</span>}
        {m.banned && <span className="badge">{t('chat.feed.banned')}</span>}
      </p>
      <p className="chat-msg-text">{m.text || t('chat.feed.noText')}</p>
      {m.questionId ? (
        <p className="hint">{t('chat.feed.imported')}</p>
      ) : (
        !m.deleted && (
          <Button variant="secondary" size="sm" busy={busy} onClick={onImport} aria-label={t('chat.feed.importOf', { author: m.author })}>
            {t('chat.feed.import')}
          </Button>
        )
      )}
    </li>
  );
}

export function ChatPanel() {
  const { t } = useTranslation();
  const chat = useEventState((s) => s.synced.chat);
  const url = useEventState((s) => s.synced.event?.settings.youtube.url ?? null);
  const { run, busyKey, error } = useCommands();
  if (!chat.status || (!url && chat.feed.length === 0)) return null;
  const newestFirst = [...chat.feed].reverse();
  return (
    <section className="card chat-panel" aria-labelledby="chat-heading">
      <h2 id="chat-heading">{t('chat.title')}</h2>
      <BridgeStatusView status={chat.status} />
      <h3>{t('chat.feed.heading')}</h3>
      <p className="hint">{t('chat.feed.lead')}</p>
      <ErrorText error={error?.error ?? null} context="chat" />
      {newestFirst.length === 0 ? (
        <p className="empty">{t('chat.feed.empty')}</p>
      ) : (
        <ul className="chat-feed" aria-label={t('chat.feed.heading')}>
          {newestFirst.map((m) => (
            <FeedItem key={m.id} m={m} busy={busyKey === m.id} onImport={() => void run(m.id, 'chat:import', { messageId: m.id })} />
          ))}
        </ul>
      )}
    </section>
  );
}

export default ChatPanel;
