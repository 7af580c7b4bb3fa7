import { describe, expect, it } from 'vitest';
import { person, snapshot } from '../testing/fixtures.js';
import { applyDelta, applyMyAttributes, applyMyName, applySnapshot, initialSyncState } from '../testing/sync.js';

function ready(seq = 1) {
  return applySnapshot(
    initialSyncState(),
    snapshot({
      seq,
      me: { name: 'Ada', attributes: { company: 'Initech' } },
      people: { people: [person('a'), person('b', { online: false })], present: 1 },
    }),
  );
}

describe('people slice', () => {
  it('takes the people, the count and my name and answers from the snapshot', () => {
    const s = ready();
    expect(s.people.people.b?.online).toBe(false);
    expect(s.people.present).toBe(1);
    expect(s.people.myName).toBe('Ada');
    expect(s.people.myAttributes).toEqual({ company: 'Initech' });
    expect(s.me).toEqual({ role: 'attendee', id: 'me' });
  });

  it('merges presence and takes the count', () => {
    let s = ready(1);
    s = applyDelta(s, {
      seq: 2,
      changes: [
        { type: 'people:presence', people: [person('b', { online: true, attributes: { company: 'ACME' } }), person('e')] },
        { type: 'people:count', present: 3 },
      ],
    });
    expect(s.people.people.b).toMatchObject({ online: true, attributes: { company: 'ACME' } });
    expect(Object.keys(s.people.people).sort()).toEqual(['a', 'b', 'e']);
    expect(s.people.present).toBe(3);
    // nothing new: the slice stays the same object
    const again = applyDelta(s, { seq: 3, changes: [{ type: 'people:presence', people: [] }, { type: 'people:count', present: 3 }] });
    expect(again.people).toBe(s.people);
  });

  it('stores my new name and my attribute answers from the acks', () => {
    let s = applyMyName(ready(), 'Grace');
    expect(s.people.myName).toBe('Grace');
    s = applyMyAttributes(s, { company: 'ACME' });
    expect(s.people.myAttributes).toEqual({ company: 'ACME' });
  });
});
