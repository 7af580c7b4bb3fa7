/**
 * Roster import before the event: a CSV file (or pasted text) with a `name` column, optional `email`
 * and any attribute columns. Every entry gets a personal join link, shown here with copy buttons.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../shared/people/index.js';
import { api } from '../../api/endpoints.js';
import { ApiFailure } from '../../api/http.js';
import { Button } from '../../ui/Button.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { errorMessage } from '../../i18n/errors.js';
import { Progress } from '../../ui/Progress.js';
import { useFleeting } from '../../ui/useFleeting.js';

/** The links of all entries, one "name;email;link" line each, for a mail merge. */
export function linksAsText(entries: readonly RosterEntry[]): string {
  return entries.map((e) => [e.name ?? '', e.email ?? '', e.link].join(';')).join('\n');
}

/** The server's limit for one roster upload (express.text limit '1mb'). */
export const ROSTER_MAX_BYTES = 1024 * 1024;

function failureOf(err: unknown): ApiFailure {
  if (err instanceof ApiFailure && err.status === 413) return new ApiFailure(413, 'roster_too_big', err.message);
  return err instanceof ApiFailure ? err : new ApiFailure(0, 'internal', String(err));
}

/** The file's text (FileReader: older tablets' browsers lack Blob.text()). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Why a chosen file cannot be imported, before anything is sent: too big, or nothing in it. */
export function rosterFileProblem(file: { size: number }, text: string): 'roster_too_big' | 'roster_file_empty' | null {
  if (file.size > ROSTER_MAX_BYTES) return 'roster_too_big';
  return text.trim() === '' ? 'roster_file_empty' : null;
}

export function RosterImport({ eventId, token }: { eventId: string; token: string | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [entries, setEntries] = useState<RosterEntry[] | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  // "n people imported" clears itself after a few seconds; errors stay until the next try.
  const status = useFleeting<number>();
  const ids = { file: useId(), paste: useId(), hint: useId() };

  const load = useCallback(async () => {
    try {
      setEntries((await api.listRoster(eventId, token)).entries);
    } catch (err) {
      setFailure(failureOf(err));
    }
  }, [eventId, token]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card roster" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t('breakouts.roster.heading')}</h2>
      <p id={ids.hint} className="hint">
        {t('breakouts.roster.lead')}
      </p>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) {
            setFailure(new ApiFailure(0, 'roster_empty', ''));
            return;
          }
          setBusy(true);
          setFailure(null);
          setImported(null);
          status.clear();
          try {
            const result = await api.importRoster(eventId, text, token);
            setImported(result.entries.length);
            status.show(result.entries.length);
            setText('');
            setFileName(null);
            await load();
          } catch (err) {
            setFailure(failureOf(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label htmlFor={ids.file}>{t('breakouts.roster.file')}</label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby={ids.hint}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            setFailure(null);
            // A file over the limit is not even read: the server would refuse it anyway.
            const content = file.size > ROSTER_MAX_BYTES ? '' : await readText(file);
            const problem = rosterFileProblem(file, content);
            if (problem) {
              setFailure(new ApiFailure(0, problem, file.name));
              setText('');
              return;
            }
            setText(content);
          }}
        />
        {fileName && <p className="hint">{t('breakouts.roster.fileRead', { name: fileName })}</p>}
        <label htmlFor={ids.paste}>{t('breakouts.roster.paste')}</label>
        <textarea
          id={ids.paste}
          rows={4}
          value={text}
          placeholder={'name,email,company\nAda Lovelace,ada@example.org,ACME'}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('breakouts.roster.import')}
          </Button>
        </div>
        {busy && <Progress label={t('breakouts.roster.importing')} />}
        {failure && (
          <div role="alert" className="error-text">
            <ErrorMessage failure={failure} />
          </div>
        )}
        <p role="status" className="success-text">
          {status.value !== null ? t('breakouts.roster.imported', { count: status.value }) : ''}
        </p>
      </form>
      {entries && entries.length > 0 && (
        <details className="roster-links" open={imported !== null || undefined}>
          <summary>{t('breakouts.roster.links', { count: entries.length })}</summary>
          <p>
            <CopyButton text={linksAsText(entries)} label={t('breakouts.roster.copyAll')} />
          </p>
          <ul className="roster-list">
            {entries.map((entry) => (
              <li key={entry.attendeeId} className="roster-entry">
                <span className="roster-name">
                  {entry.name ?? t('breakouts.unnamed')}
                  {entry.email && <span className="hint"> · {entry.email}</span>}
                </span>
                <span className="roster-link mono">{entry.link}</span>
                <CopyButton text={entry.link} label={t('breakouts.roster.copyOne', { name: entry.name ?? entry.email ?? '' })} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The translated error, plus the server's own detail (e.g. which line of the file is wrong). */
function ErrorMessage({ failure }: { failure: ApiFailure }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">⚠ </span>
      {failure.code === 'roster_empty'
        ? t('breakouts.roster.empty')
        : failure.code === 'roster_too_big'
          ? t('breakouts.roster.tooBig', { name: failure.message })
          : failure.code === 'roster_file_empty'
            ? t('breakouts.roster.fileEmpty', { name: failure.message })
            : errorMessage(t, failure, 'roster')}
      {failure.code === 'invalid_payload' && failure.message && (
        <>
          {' '}
          <span className="error-detail">({failure.message})</span>
        </>
      )}
    </>
  );
}
