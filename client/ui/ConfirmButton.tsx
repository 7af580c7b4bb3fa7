/** A destructive action asks once more in place (no modal): "Really delete? [Delete] [Cancel]". */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from './Button.js';

export interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm(): Promise<unknown> | void;
  busy?: boolean;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
}

export function ConfirmButton({ label, question, confirmLabel, onConfirm, busy = false, variant = 'secondary', size = 'sm' }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={opener} variant={variant} size={size} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-labelledby={questionId}>
      <span id={questionId} className="confirm-question">
        {question}
      </span>
      <Button
        ref={confirm}
        variant="danger"
        size={size}
        busy={busy}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </Button>
      <Button size={size} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </Button>
    </span>
  );
}
