import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, isOwnOrigin } from './origin.js';

const base = { host: 'plenum.example.org', publicUrl: null, secFetchSite: undefined };

describe('same-origin writes', () => {
  it('lets reads through from anywhere', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(crossSiteRefusal({ ...base, method, origin: 'https://evil.example' })).toBeNull();
  });

  it('refuses every state-changing method from another origin, also look-alikes, null and garbage', () => {
    const foreign = ['https://evil.example', 'https://plenum.example.org.evil.example', 'http://plenum.example.org:8080', 'null', 'not a url', ''];
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const origin of foreign) expect(crossSiteRefusal({ ...base, method, origin }), `${method} ${origin}`).not.toBeNull();
    }
  });

  it('accepts its own origin (scheme-independent behind TLS proxies) and PUBLIC_URL', () => {
    expect(crossSiteRefusal({ ...base, method: 'POST', origin: 'https://plenum.example.org' })).toBeNull();
    expect(crossSiteRefusal({ ...base, method: 'DELETE', origin: 'http://plenum.example.org' })).toBeNull();
    expect(isOwnOrigin('https://public.example', 'internal:3000', 'https://public.example/')).toBe(true);
    expect(isOwnOrigin('https://other.example', 'internal:3000', 'https://public.example/')).toBe(false);
  });

  it('without Origin: refuses what the browser marks as cross-site, lets scripts through', () => {
    expect(crossSiteRefusal({ ...base, method: 'POST', origin: undefined, secFetchSite: 'cross-site' })).not.toBeNull();
    expect(crossSiteRefusal({ ...base, method: 'POST', origin: undefined, secFetchSite: 'same-site' })).not.toBeNull();
    expect(crossSiteRefusal({ ...base, method: 'POST', origin: undefined, secFetchSite: 'same-origin' })).toBeNull();
    expect(crossSiteRefusal({ ...base, method: 'POST', origin: undefined })).toBeNull();
  });
});
