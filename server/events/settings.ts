/** Event settings: defaults, patches and what the public may see, folded from the features' settings specs. Pure. */
import { EventSettings, KERNEL_SETTINGS, type EventInfo, type EventSettingsPatch } from '../../shared/events/schemas.js';
import { sharedFeatures } from '../../shared/features.js';
import type { SettingsSpec } from '../../shared/kernel/contract.js';

const specs: SettingsSpec[] = [
  ...KERNEL_SETTINGS,
  ...Object.values(sharedFeatures).flatMap((f): SettingsSpec[] => ('settings' in f && f.settings ? [f.settings] : [])),
];

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

/** Each feature's part: merged field by field (objects) or replaced (lists), then tidied by the feature. */
export function mergeSettings(current: EventSettings, patch: EventSettingsPatch | undefined): EventSettings {
  if (!patch) return current;
  const next: Record<string, unknown> = { ...current };
  const changes = patch as Record<string, unknown>;
  for (const spec of specs) {
    const value = changes[spec.key];
    if (value === undefined) continue;
    let merged: unknown = value;
    if (spec.merge === 'object') {
      merged = { ...(next[spec.key] as object) };
      for (const [key, v] of Object.entries(value as object)) if (v !== undefined) (merged as Record<string, unknown>)[key] = v;
    }
    next[spec.key] = spec.normalize ? spec.normalize(merged as never) : merged;
  }
  return EventSettings.parse(next);
}

/** What attendees, the stage and facilitators see: each feature hides what it must (e.g. blocked words). */
export function publicEventInfo(info: EventInfo): EventInfo {
  const settings: Record<string, unknown> = { ...info.settings };
  for (const spec of specs) if (spec.public) settings[spec.key] = spec.public(settings[spec.key] as never);
  return { ...info, settings: settings as EventInfo['settings'] };
}
