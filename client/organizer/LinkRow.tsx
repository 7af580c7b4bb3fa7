/** A link to hand out: its label, the address in a read-only field (selected on focus) and a copy button. */
import { useId } from 'react';
import { CopyButton } from '../ui/CopyButton.js';

export function LinkRow({ label, url, copyLabel }: { label: string; url: string; copyLabel: string }) {
  const fieldId = useId();
  return (
    <div className="link-row">
      <label htmlFor={fieldId}>{label}</label>
      <div className="link-row-controls">
        <input id={fieldId} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
        <CopyButton text={url} label={copyLabel} />
      </div>
    </div>
  );
}
