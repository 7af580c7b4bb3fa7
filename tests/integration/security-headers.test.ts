/**
 * Security headers (docs/security.md): every answer carries helmet's headers; pages a strict CSP without
 * inline script; the API a policy that allows nothing; HSTS only where Plenum is reached over TLS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { cspDirective, frameHeaders } from '../../server/http/frame-headers.js';
import { api, startTestServer, type TestServer } from './helpers.js';

describe('security headers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('every answer: no-referrer, nosniff, same-origin opener/resource policy, no x-powered-by, no HSTS over plain http', async () => {
    for (const path of ['/healthz', '/api/auth/me', '/api/join/000000', '/nope']) {
      const res = await api(t.url, path);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('the API may load and be framed by nothing', async () => {
    const res = await api(t.url, '/api/auth/me');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('pages: scripts, styles and connections only from this server, no inline script or eval, objects none', () => {
    for (const path of ['/', '/e/123456', '/e/123456/moderate', '/e/123456/stage', '/e/123456/overlay']) {
      const csp = frameHeaders(path, '*')['Content-Security-Policy']!;
      expect(cspDirective(csp, 'script-src'), path).toBe("'self'");
      expect(cspDirective(csp, 'style-src'), path).toBe("'self'");
      expect(cspDirective(csp, 'connect-src'), path).toBe("'self'");
      expect(cspDirective(csp, 'object-src'), path).toBe("'none'");
      expect(cspDirective(csp, 'base-uri'), path).toBe("'none'");
      expect(cspDirective(csp, 'frame-src'), path).toBe('https://www.youtube-nocookie.com');
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
  });

  it('HSTS for 180 days when PUBLIC_URL is https, HSTS_MAX_AGE overrides, 0 turns it off', async () => {
    expect(loadConfig({ PUBLIC_URL: 'https://plenum.example.org' }).hstsMaxAge).toBe(15_552_000);
    expect(loadConfig({ PUBLIC_URL: 'http://plenum.example.org' }).hstsMaxAge).toBe(0);
    expect(loadConfig({ PUBLIC_URL: 'https://plenum.example.org', HSTS_MAX_AGE: '0' }).hstsMaxAge).toBe(0);
    expect(() => loadConfig({ HSTS_MAX_AGE: 'lang' })).toThrow();
    const tls = await startTestServer({}, { PUBLIC_URL: 'https://plenum.example.org' });
    try {
      expect((await api(tls.url, '/healthz')).headers.get('strict-transport-security')).toBe('max-age=15552000');
    } finally {
      await tls.close();
    }
  });
});
