import { describe, expect, it } from 'vitest';
import { parseAutoHide } from './panel/AutoHideField.js';
import { stageKeyAction } from './page.js';

const key = (k: string, over: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }> = {}) =>
  stageKeyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...over });

describe('presenter keys', () => {
  it('F is full screen and Q the QR code, in either case', () => {
    expect(key('f')).toBe('fullscreen');
    expect(key('F')).toBe('fullscreen');
    expect(key('q')).toBe('qr');
    expect(key('Q')).toBe('qr');
    expect(key('x')).toBeNull();
  });
  it('leaves browser shortcuts and typing in fields alone', () => {
    expect(key('f', { ctrlKey: true })).toBeNull();
    expect(key('q', { metaKey: true })).toBeNull();
    expect(key('f', { altKey: true })).toBeNull();
    const input = document.createElement('input');
    document.body.append(input);
    expect(key('f', { target: input })).toBeNull();
    input.remove();
  });
});

describe('auto-hide field', () => {
  it('reads whole seconds from 3 to 3600, empty as "until taken off air"', () => {
    expect(parseAutoHide('')).toBeNull();
    expect(parseAutoHide('  ')).toBeNull();
    expect(parseAutoHide('3')).toBe(3);
    expect(parseAutoHide(' 3600 ')).toBe(3600);
    expect(parseAutoHide('2')).toBeUndefined();
    expect(parseAutoHide('3601')).toBeUndefined();
    expect(parseAutoHide('1.5')).toBeUndefined();
    expect(parseAutoHide('-5')).toBeUndefined();
    expect(parseAutoHide('zehn')).toBeUndefined();
  });
});
