/** Visible progress for anything that waits: an indeterminate bar with a text label. */
export function Progress({ label }: { label: string }) {
  return (
    <div className="progress-line">
      <progress className="progress" aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
