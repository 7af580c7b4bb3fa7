/**
 * The attendee's group during a round: name and topic, the other members, the video room as a large
 * button, the countdown, broadcasts, help and the shared result.
 */
import { useTranslation } from 'react-i18next';
import type { GroupView, HelpRequest, RoundView } from '../../../shared/breakouts/schemas.js';
import { RoundClock } from '../RoundClock.js';
import { HelpButton } from './HelpButton.js';
import { Messages } from './Messages.js';
import { ResultEditor } from './ResultEditor.js';

export function GroupCard({ round, group, meId, help }: {
  round: RoundView;
  group: GroupView;
  meId: string;
  help: HelpRequest | null;
}) {
  const { t } = useTranslation();
  const others = group.members.filter((m) => m.id !== meId);
  const headingId = `group-card-${round.id}`;

  return (
    <section className="card group-card" aria-labelledby={headingId}>
      <p className="eyebrow">{t('breakouts.attendee.eyebrow', { number: round.number })}</p>
      <h2 id={headingId} className="group-card-name">
        {group.name}
      </h2>
      {group.topic && (
        <p className="group-card-topic">
          <span className="sr-only">{t('breakouts.attendee.topic')}: </span>
          {group.topic}
        </p>
      )}
      <RoundClock round={round} size="xl" />
      {group.videoUrl ? (
        <p>
          <a className="btn btn-primary btn-lg video-btn" href={group.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('breakouts.attendee.video')}
            <span className="sr-only"> {t('common.newTab')}</span>
          </a>
        </p>
      ) : (
        <p className="notice notice-quiet">{t('breakouts.attendee.noVideo')}</p>
      )}
      <h3>{t('breakouts.attendee.members', { count: others.length })}</h3>
      {others.length === 0 ? (
        <p className="hint">{t('breakouts.attendee.alone')}</p>
      ) : (
        <ul className="member-names" aria-label={t('breakouts.attendee.membersList')}>
          {others.map((m) => (
            <li key={m.id}>{m.name ?? t('breakouts.unnamed')}</li>
          ))}
        </ul>
      )}
      <Messages messages={round.messages} />
      <ResultEditor roundId={round.id} group={group} />
      <HelpButton roundId={round.id} request={help} />
    </section>
  );
}
