import { afterEach, describe, expect, it } from 'vitest';
import { forgetLinkToken, PAGE_LINK_ROLE, readLinkToken, takeLinkToken, withoutToken } from './link-token.js';

function visit(path: string) {
  window.history.replaceState(null, '', path);
}

afterEach(() => visit('/'));

describe('takeLinkToken', () => {
  it('takes the token from the address, removes it there (other parameters and the hash stay) and keeps it per event and role', () => {
    visit('/e/123456/overlay?position=bottom&token=tok-stage-123456789&scale=2#x');
    expect(takeLinkToken('stage', '123456')).toBe('tok-stage-123456789');
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/e/123456/overlay?position=bottom&scale=2#x');
    expect(localStorage.getItem('plenum.token.stage.123456')).toBe('tok-stage-123456789');
  });

  it('a bookmark, a reload or a new tab without the token gets the stored one (localStorage outlives the tab)', () => {
    visit('/e/123456/speaker?token=tok-speaker-1234567');
    takeLinkToken('speaker', '123456');
    sessionStorage.clear(); // a new tab has no sessionStorage of its own
    visit('/e/123456/speaker');
    expect(takeLinkToken('speaker', '123456')).toBe('tok-speaker-1234567');
  });

  it('keeps tokens apart per role and per event', () => {
    visit('/e/111111/moderate?token=mod-111111-aaaaaaaa');
    takeLinkToken('moderator', '111111');
    visit('/e/222222/stage?token=stage-222222-bbbbbbb');
    takeLinkToken('stage', '222222');
    visit('/e/111111/stage');
    expect(takeLinkToken('stage', '111111')).toBeUndefined();
    visit('/e/222222/moderate');
    expect(takeLinkToken('moderator', '222222')).toBeUndefined();
    visit('/e/111111/moderate');
    expect(takeLinkToken('moderator', '111111')).toBe('mod-111111-aaaaaaaa');
  });

  it('a token in the address replaces the stored one (the link was renewed)', () => {
    localStorage.setItem('plenum.token.facilitator.123456', 'old-old-old-old-old');
    visit('/e/123456/facilitate?token=new-new-new-new-new');
    expect(takeLinkToken('facilitator', '123456')).toBe('new-new-new-new-new');
    visit('/e/123456/facilitate');
    expect(takeLinkToken('facilitator', '123456')).toBe('new-new-new-new-new');
  });

  it('says where the token came from, and a renewed (refused) one can be forgotten on this device only for its role', () => {
    visit('/e/123456/moderate?token=mod-mod-mod-mod-mod');
    expect(readLinkToken('moderator', '123456')).toEqual({ token: 'mod-mod-mod-mod-mod', fromUrl: true, renewed: false });
    expect(readLinkToken('moderator', '123456')).toEqual({ token: 'mod-mod-mod-mod-mod', fromUrl: false, renewed: false });
    localStorage.setItem('plenum.token.stage.123456', 'stage-stage-stage-1');
    forgetLinkToken('moderator', '123456');
    expect(readLinkToken('moderator', '123456')).toEqual({ token: undefined, fromUrl: false, renewed: true });
    expect(takeLinkToken('moderator', '123456')).toBeUndefined();
    expect(takeLinkToken('stage', '123456')).toBe('stage-stage-stage-1');
    // The renewed link arrives: it replaces the mark.
    visit('/e/123456/moderate?token=new-mod-new-mod-new');
    takeLinkToken('moderator', '123456');
    expect(readLinkToken('moderator', '123456')).toEqual({ token: 'new-mod-new-mod-new', fromUrl: false, renewed: false });
  });

  it('nothing in the address and nothing stored: undefined', () => {
    visit('/e/123456/moderate');
    expect(takeLinkToken('moderator', '123456')).toBeUndefined();
  });

  it('the one-time setup token stays in sessionStorage only', () => {
    visit('/setup?token=setup-setup-setup-1');
    expect(takeLinkToken('setup', 'first')).toBe('setup-setup-setup-1');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.getItem('plenum.token.setup.first')).toBe('setup-setup-setup-1');
  });

  it('maps every link page to the role it needs (stage and overlay: the stage link)', () => {
    expect(PAGE_LINK_ROLE).toEqual({ moderate: 'moderator', facilitate: 'facilitator', stage: 'stage', overlay: 'stage', speaker: 'speaker' });
  });
});

describe('withoutToken', () => {
  it('drops only the token', () => {
    expect(withoutToken('https://x.example/e/1/stage?token=a&b=c#h')).toBe('/e/1/stage?b=c#h');
    expect(withoutToken('https://x.example/e/1/stage')).toBe('/e/1/stage');
  });
});
