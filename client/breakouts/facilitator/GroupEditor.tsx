/** Edits one group in place: name, topic, video link and (self-select) capacity. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView, RoundView } from '../../../shared/breakouts/schemas.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { checkTemplate } from './plan-form.js';

export function GroupEditor({ round, group, onDone }: { round: RoundView; group: GroupView; onDone(): void }) {
  const { t } = useTranslation();
  const save = useCommand('breakouts:group');
  const [name, setName] = useState(group.name);
  const [topic, setTopic] = useState(group.topic);
  const [videoUrl, setVideoUrl] = useState(group.videoUrl ?? '');
  const [capacity, setCapacity] = useState(group.capacity === null ? '' : String(group.capacity));
  const [tried, setTried] = useState(false);
  const id = useId();
  const self = round.mode === 'self';
  const nameBad = name.trim() === '';
  const urlBad = videoUrl.trim() !== '' && (!checkTemplate(videoUrl) || /[{}]/.test(videoUrl));
  const capacityBad = self && capacity.trim() !== '' && !/^[1-9]\d{0,3}$/.test(capacity.trim());

  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setTried(true);
        if (nameBad || urlBad || capacityBad) return;
        const ack = await save.run({
          roundId: round.id,
          index: group.index,
          name: name.trim(),
          topic: topic.trim(),
          videoUrl: videoUrl.trim() || null,
          ...(self ? { capacity: capacity.trim() ? Number(capacity) : null } : {}),
        });
        if (ack.ok) onDone();
      }}
    >
      <label htmlFor={`${id}-name`}>{t('breakouts.group.name')}</label>
      <input id={`${id}-name`} type="text" maxLength={60} value={name} aria-invalid={(tried && nameBad) || undefined} onChange={(e) => setName(e.target.value)} />
      {tried && nameBad && <p className="error-text">{t('breakouts.group.nameMissing')}</p>}
      <label htmlFor={`${id}-topic`}>{t('breakouts.group.topic')}</label>
      <input id={`${id}-topic`} type="text" maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} />
      <label htmlFor={`${id}-video`}>{t('breakouts.group.video')}</label>
      <input
        id={`${id}-video`}
        type="url"
        inputMode="url"
        maxLength={500}
        placeholder="https://meet.jit.si/…"
        value={videoUrl}
        aria-invalid={(tried && urlBad) || undefined}
        onChange={(e) => setVideoUrl(e.target.value)}
      />
      {tried && urlBad && <p className="error-text">{t('breakouts.group.videoInvalid')}</p>}
      {self && (
        <>
          <label htmlFor={`${id}-cap`}>{t('breakouts.group.capacity')}</label>
          <input
            id={`${id}-cap`}
            type="number"
            min={1}
            value={capacity}
            aria-invalid={(tried && capacityBad) || undefined}
            onChange={(e) => setCapacity(e.target.value)}
          />
        </>
      )}
      <div className="actions">
        <Button type="submit" size="sm" variant="primary" busy={save.busy}>
          {t('breakouts.group.save')}
        </Button>
        <Button size="sm" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}
