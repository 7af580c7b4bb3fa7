/** The optional display name, shown with new questions unless asked anonymously. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';

export function NameForm() {
  const { t } = useTranslation();
  const name = useEventState((s) => s.synced.people.myName);
  const rename = useCommand('attendee:rename');
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const fieldId = useId();

  if (!editing) {
    return (
      <div className="name-row">
        <p>{name ? t('qa.name.current', { name }) : t('qa.name.none')}</p>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setValue(name ?? '');
            setEditing(true);
          }}
        >
          {name ? t('qa.name.change') : t('qa.name.set')}
        </Button>
      </div>
    );
  }
  return (
    <form
      className="name-row"
      onSubmit={async (e) => {
        e.preventDefault();
        const ack = await rename.run({ name: value.trim() });
        if (ack.ok) setEditing(false);
      }}
    >
      <label htmlFor={fieldId}>{t('qa.name.label')}</label>
      <input id={fieldId} type="text" value={value} maxLength={60} autoComplete="nickname" autoFocus onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" size="sm" variant="primary" busy={rename.busy}>
        {t('qa.name.save')}
      </Button>
      <Button size="sm" onClick={() => setEditing(false)}>
        {t('common.cancel')}
      </Button>
      <ErrorText error={rename.error} />
    </form>
  );
}
