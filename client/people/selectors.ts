/** Pure views of the people slice. */
import type { AttendeeField } from '../../shared/people/schemas.js';

/** Required fields the attendee has not answered yet. */
export function missingFields(fields: readonly AttendeeField[], attributes: Readonly<Record<string, string>>): AttendeeField[] {
  return fields.filter((f) => f.required && !(attributes[f.key] ?? '').trim());
}
