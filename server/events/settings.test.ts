import { describe, expect, it } from 'vitest';
import { UpdateEventBody } from '../../shared/api.js';
import { EventSettingsPatch } from '../../shared/events/schemas.js';
import { defaultSettings, mergeSettings, parseStoredSettings, publicEventInfo } from './settings.js';

describe('event settings', () => {
  const current = mergeSettings(defaultSettings(), { qa: { premoderation: true, maxQuestionLength: 500, blockedWords: ['mist'] } });

  it('a patch changes only the fields it names (parsed through the wire schemas)', () => {
    const viaSocket = mergeSettings(current, EventSettingsPatch.parse({ qa: { open: false } }));
    expect(viaSocket.qa).toEqual({ ...current.qa, open: false });
    const viaRest = mergeSettings(current, UpdateEventBody.parse({ settings: { qa: { anonymousAllowed: false } } }).settings);
    expect(viaRest.qa).toEqual({ ...current.qa, anonymousAllowed: false });
    expect(mergeSettings(current, EventSettingsPatch.parse({}))).toEqual(current);
  });

  it('attendee fields are replaced as a whole, closingSec patched alone; duplicate field keys are refused', () => {
    const fields = [{ key: 'company', label: 'Firma', required: true }, { key: 'role', label: 'Rolle' }];
    const withFields = mergeSettings(current, EventSettingsPatch.parse({ attendeeFields: fields }));
    expect(withFields.attendeeFields).toEqual([{ key: 'company', label: 'Firma', required: true }, { key: 'role', label: 'Rolle', required: false }]);
    expect(withFields.qa).toEqual(current.qa);
    expect(withFields.breakouts.closingSec).toBe(30);
    const closing = mergeSettings(withFields, EventSettingsPatch.parse({ breakouts: { closingSec: 10 } }));
    expect(closing.breakouts.closingSec).toBe(10);
    expect(closing.attendeeFields).toHaveLength(2);
    expect(() => mergeSettings(current, EventSettingsPatch.parse({ attendeeFields: [fields[0], fields[0]] }))).toThrow(/twice/);
    expect(parseStoredSettings('{"qa":{}}').breakouts.closingSec).toBe(30);
  });

  it('de-duplicates blocked words case-insensitively', () => {
    expect(mergeSettings(current, { qa: { blockedWords: ['Mist', 'mist', 'doof'] } }).qa.blockedWords).toEqual(['Mist', 'doof']);
  });

  it('stored JSON missing fields gets defaults; broken JSON gets the defaults', () => {
    expect(parseStoredSettings('{"qa":{"premoderation":true}}').qa).toEqual({ ...defaultSettings().qa, premoderation: true });
    expect(parseStoredSettings('not json')).toEqual(defaultSettings());
  });

  it('the public view hides the blocked words and keeps the rest', () => {
    const info = { id: 'e', code: '123456', title: 't', format: 'talk' as const, language: 'de' as const, startsAt: null, settings: current };
    const pub = publicEventInfo(info);
    expect(pub.settings.qa.blockedWords).toEqual([]);
    expect(pub.settings.qa.maxQuestionLength).toBe(500);
    expect(info.settings.qa.blockedWords).toEqual(['mist']);
  });
});
