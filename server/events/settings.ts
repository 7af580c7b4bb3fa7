/** Event settings: defaults, patches and what the public may see. Pure. */
import { DomainError } from '../../shared/errors.js';
import { EventSettings, type EventInfo, type EventSettingsPatch } from '../../shared/events/schemas.js';

export function defaultSettings(): EventSettings {
  return EventSettings.parse({});
}

/** Fields of the stored JSON that are missing (older rows) get their defaults. */
export function parseStoredSettings(json: string): EventSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = EventSettings.safeParse(raw);
  return parsed.success ? parsed.data : defaultSettings();
}

function dedupeWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function mergeSettings(current: EventSettings, patch: EventSettingsPatch | undefined): EventSettings {
  if (!patch) return current;
  const next: EventSettings = { ...current };
  if (patch.qa) {
    const qa = { ...current.qa };
    for (const [key, value] of Object.entries(patch.qa)) {
      if (value !== undefined) (qa as Record<string, unknown>)[key] = value;
    }
    qa.blockedWords = dedupeWords(qa.blockedWords);
    next.qa = qa;
  }
  if (patch.attendeeFields) {
    const keys = patch.attendeeFields.map((f) => f.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) throw new DomainError('invalid_payload', `the attendee field "${twice}" is defined twice`, { fields: ['attendeeFields'] });
    next.attendeeFields = patch.attendeeFields;
  }
  if (patch.breakouts?.closingSec !== undefined) next.breakouts = { ...current.breakouts, closingSec: patch.breakouts.closingSec };
  return EventSettings.parse(next);
}

/** Attendees, stage and facilitators do not get the blocked-words list (it would show how to dodge it). */
export function publicEventInfo(info: EventInfo): EventInfo {
  return { ...info, settings: { ...info.settings, qa: { ...info.settings.qa, blockedWords: [] } } };
}
