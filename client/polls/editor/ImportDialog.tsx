/**
 * Import a list of polls: paste text or JSON, preview (a dry run on the server: what would be created,
 * and every problem with its line), then import. The format is explained right here.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import type { ImportFormat, ImportIssue, PollDraft } from '../../../shared/polls/schemas.js';
import { Button } from '../../ui/Button.js';
import { PollErrorText } from '../PollErrorText.js';
import type { PollAck } from '../types.js';
import { useSubmit } from '../useSubmit.js';

export type ImportAck = PollAck<{ drafts: PollDraft[]; issues: ImportIssue[]; created: unknown[] }>;

export interface ImportDialogProps {
  /** `polls:import` with dryRun true. */
  onPreview(input: { format: ImportFormat; source: string }): Promise<ImportAck>;
  /** `polls:import` with dryRun false. */
  onImport(input: { format: ImportFormat; source: string }): Promise<ImportAck>;
  onClose?(): void;
}

export function ImportDialog({ onPreview, onImport, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [format, setFormat] = useState<ImportFormat>('text');
  const [source, setSource] = useState('');
  const [preview, setPreview] = useState<{ drafts: PollDraft[]; issues: ImportIssue[] } | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const previewCmd = useSubmit(onPreview);
  const importCmd = useSubmit(onImport);
  const empty = source.trim() === '';

  return (
    <section className="poll-import card" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{t('polls.import.title')}</h2>
      <fieldset>
        <legend>{t('polls.import.format')}</legend>
        {(['text', 'json'] as const).map((f) => (
          <label key={f} className="check">
            <input
              type="radio"
              name={`${baseId}-format`}
              checked={format === f}
              onChange={() => {
                setFormat(f);
                setPreview(null);
              }}
            />
            {t(`polls.import.formatOption.${f}`)}
          </label>
        ))}
      </fieldset>
      <details className="poll-import-help">
        <summary>{t('polls.import.helpSummary')}</summary>
        <pre className="poll-import-example">{format === 'text' ? t('polls.import.exampleText') : t('polls.import.exampleJson')}</pre>
      </details>
      <div className="field">
        <label htmlFor={`${baseId}-src`}>{t('polls.import.source')}</label>
        <textarea
          id={`${baseId}-src`}
          rows={10}
          className="mono"
          value={source}
          maxLength={POLL_LIMITS.importSourceMax}
          onChange={(e) => {
            setSource(e.target.value);
            setPreview(null);
            setDone(null);
          }}
        />
      </div>
      <div className="actions">
        <Button
          busy={previewCmd.busy}
          disabled={empty}
          onClick={async () => {
            const ack = await previewCmd.run({ format, source });
            if (ack.ok) setPreview({ drafts: ack.drafts, issues: ack.issues });
          }}
        >
          {t('polls.import.preview')}
        </Button>
        <Button
          variant="primary"
          busy={importCmd.busy}
          disabled={empty || !preview || preview.issues.length > 0 || preview.drafts.length === 0}
          onClick={async () => {
            const ack = await importCmd.run({ format, source });
            if (ack.ok) {
              setDone(ack.created.length);
              setSource('');
              setPreview(null);
            }
          }}
        >
          {preview && preview.issues.length === 0 ? t('polls.import.importN', { count: preview.drafts.length }) : t('polls.import.import')}
        </Button>
        {onClose && <Button onClick={onClose}>{t('polls.import.close')}</Button>}
      </div>
      <PollErrorText error={previewCmd.error ?? importCmd.error} context="import" />
      <div role="status" aria-live="polite">
        {done !== null && <p className="success-text">{t('polls.import.done', { count: done })}</p>}
        {preview && preview.issues.length > 0 && (
          <div className="error-text">
            <p>{t('polls.import.problems', { count: preview.issues.length })}</p>
            <ul className="poll-import-issues">
              {preview.issues.map((i, k) => (
                <li key={k}>
                  {i.line > 0 ? `${t(format === 'text' ? 'polls.import.line' : 'polls.import.poll', { n: i.line })}: ` : ''}
                  {t(`polls.import.issue.${i.code}`)}
                  <span className="poll-import-detail"> ({i.message})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {preview && preview.issues.length === 0 && (
          <>
            <p>{t('polls.import.willCreate', { count: preview.drafts.length })}</p>
            <ol className="poll-import-preview">
              {preview.drafts.map((d, k) => (
                <li key={k}>
                  <span className="poll-badge">{t(`polls.type.${d.definition.type}`)}</span> {d.definition.question}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
