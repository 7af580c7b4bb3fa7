import { describe, expect, it } from 'vitest';
import { mergeText } from '../../shared/breakouts/merge.js';
import { acknowledged, beginSend, canSend, edit, failed, hasUnsaved, initialSharedText, receive, typed } from './shared-text.js';

describe('shared result text', () => {
  it('sends the draft with the version it is based on and takes the merged answer', () => {
    let s = initialSharedText({ text: 'Idee', version: 3 });
    expect(canSend(s)).toBe(false);
    s = edit(s, 'Idee 1');
    expect(canSend(s)).toBe(true);
    const sent = beginSend(s);
    expect(sent.request).toEqual({ baseVersion: 3, text: 'Idee 1' });
    s = sent.state;
    expect(canSend(s)).toBe(false);
    s = acknowledged(s, { text: 'Idee 1', version: 4 });
    expect(s).toEqual({ base: { text: 'Idee 1', version: 4 }, draft: 'Idee 1', inflight: null, pending: null });
    expect(hasUnsaved(s)).toBe(false);
  });

  it('rebases unsent typing onto a text someone else saved', () => {
    let s = initialSharedText({ text: 'Ergebnis:\n', version: 1 });
    s = edit(s, 'Ergebnis:\n- Radwege\n');
    s = receive(s, { text: 'Unser Ergebnis:\n', version: 2 });
    expect(s.draft).toBe('Unser Ergebnis:\n- Radwege\n');
    expect(s.base).toEqual({ text: 'Unser Ergebnis:\n', version: 2 });
    // the next request is based on the new version
    expect(beginSend(s).request).toEqual({ baseVersion: 2, text: 'Unser Ergebnis:\n- Radwege\n' });
  });

  it('replaces an unchanged draft and ignores old or repeated versions', () => {
    let s = initialSharedText({ text: 'a', version: 5 });
    s = receive(s, { text: 'b', version: 6 });
    expect(s.draft).toBe('b');
    expect(receive(s, { text: 'old', version: 6 })).toBe(s);
    expect(receive(s, { text: 'older', version: 2 })).toBe(s);
  });

  it('keeps typing done while a request is on its way, and merges texts that arrived meanwhile after the ack', () => {
    let s = initialSharedText({ text: 'A\n', version: 1 });
    s = edit(s, 'A\nmine\n');
    s = beginSend(s).state;
    // typing continues while the request travels
    s = edit(s, 'A\nmine more\n');
    // someone else's edit (saved before ours) and the echo of ours arrive before the ack
    s = receive(s, { text: 'A\ntheirs\n', version: 2 });
    s = receive(s, { text: 'A\ntheirs\nmine\n', version: 3 });
    expect(s.draft).toBe('A\nmine more\n');
    s = acknowledged(s, { text: 'A\ntheirs\nmine\n', version: 3 });
    expect(s.draft).toBe('A\ntheirs\nmine more\n');
    expect(s.base.version).toBe(3);
    expect(canSend(s)).toBe(true);
    // an edit saved after ours is merged once the ack is in
    s = beginSend(s).state;
    s = receive(s, { text: 'B\ntheirs\nmine more\n', version: 5 });
    s = acknowledged(s, { text: 'A\ntheirs\nmine more\n', version: 4 });
    expect(s.base.version).toBe(5);
    expect(s.draft).toBe('B\ntheirs\nmine more\n');
  });

  it('keeps the draft after a failed request and merges what arrived meanwhile', () => {
    let s = initialSharedText({ text: 'x', version: 1 });
    s = edit(s, 'x y');
    s = beginSend(s).state;
    s = receive(s, { text: 'w x', version: 2 });
    s = failed(s);
    expect(s.draft).toBe('w x y');
    expect(s.base.version).toBe(2);
    expect(canSend(s)).toBe(true);
  });

  it('applies a keystroke made on a field that still shows an older text onto the newer draft', () => {
    let s = initialSharedText({ text: '', version: 0 });
    s = typed(s, '', 'Zweitens: ');
    // another member's text is merged in; the field still shows the old value when the next key arrives
    // (both typed into the empty field: the own text first, the other's on its own line after it)
    s = receive(s, { text: 'Erstens. ', version: 1 });
    expect(s.draft).toBe('Zweitens: \nErstens. ');
    s = typed(s, 'Zweitens: ', 'Zweitens: s');
    expect(s.draft).toBe('Zweitens: s\nErstens. ');
    // once redrawn, keystrokes replace the draft as usual
    s = typed(s, 'Zweitens: s\nErstens. ', 'Zweitens: si\nErstens. ');
    expect(s.draft).toBe('Zweitens: si\nErstens. ');
    expect(beginSend(s).request).toEqual({ baseVersion: 1, text: 'Zweitens: si\nErstens. ' });
  });
  it('two members typing into the empty field at once end with the same text as the server, on separate lines', () => {
    const saved = [{ text: '', version: 0 }];
    const save = (req: { baseVersion: number; text: string }) => {
      const next = { text: mergeText(saved[req.baseVersion]!.text, req.text, saved.at(-1)!.text), version: saved.length };
      saved.push(next);
      return next;
    };
    let a = typed(initialSharedText(saved[0]!), '', 'Idee von A: Förderberatung');
    let b = typed(initialSharedText(saved[0]!), '', 'Idee von B: KI-Sprechstunde');
    const sentA = beginSend(a);
    const sentB = beginSend(b);
    a = sentA.state;
    b = sentB.state;
    const ackA = save(sentA.request);
    const ackB = save(sentB.request);
    // A keeps typing before its ack and B's delta arrive.
    a = typed(a, 'Idee von A: Förderberatung', 'Idee von A: Förderberatung!');
    a = receive(a, ackB);
    a = acknowledged(a, ackA);
    b = acknowledged(b, ackB);
    expect(ackB.text).toBe('Idee von B: KI-Sprechstunde\nIdee von A: Förderberatung');
    expect(b.draft).toBe(ackB.text);
    expect(a.draft).toBe('Idee von B: KI-Sprechstunde\nIdee von A: Förderberatung!');
    // A's pending keystroke goes to the server and both see the same text.
    const last = save(beginSend(a).request);
    a = acknowledged(beginSend(a).state, last);
    b = receive(b, last);
    expect(a.draft).toBe(last.text);
    expect(b.draft).toBe(last.text);
    expect(last.text).toBe('Idee von B: KI-Sprechstunde\nIdee von A: Förderberatung!');
  });
});
