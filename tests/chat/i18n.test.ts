/** The chat catalogues: same keys and placeholders in German and English; every state, reason and rule covered. */
import { describe, expect, it } from 'vitest';
import { BridgeErrorReason, BridgeOffReason, BridgeState, ChatImportRule } from '../../shared/chat/schemas.js';
import type { YoutubeUrlError } from '../../shared/chat/youtube-url.js';
import de from '../../client/chat/i18n/de.json';
import en from '../../client/chat/i18n/en.json';
import { readFileSync } from 'node:fs';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const flatDe = flatten(de as Tree);
const flatEn = flatten(en as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join();

describe('chat catalogues', () => {
  it('have the same keys, no empty entries, the same placeholders', () => {
    expect([...flatDe.keys()].sort()).toEqual([...flatEn.keys()].sort());
    for (const [k, v] of flatDe) {
      expect(v.trim(), k).not.toBe('');
      expect(placeholders(v), k).toBe(placeholders(flatEn.get(k)!));
    }
    expect(Object.keys(de)).toEqual(['chat']);
    expect(Object.keys(en)).toEqual(['chat']);
  });

  it('cover every state, off reason, error reason (message and advice), URL error and rule', () => {
    const urlErrors: YoutubeUrlError[] = ['empty', 'not_youtube', 'channel', 'playlist', 'no_video_id', 'invalid_id'];
    const need = [
      ...BridgeState.options.flatMap((s) => [`chat.state.${s}`, `chat.stateHint.${s}`]),
      ...BridgeOffReason.options.map((r) => `chat.off.${r}`),
      ...BridgeErrorReason.options.flatMap((r) => [`chat.error.${r}`, `chat.advice.${r}`]),
      ...urlErrors.map((r) => `chat.url.${r}`),
      ...ChatImportRule.options.flatMap((r) => [`chat.settings.rule.${r}`, `chat.settings.ruleHint.${r}`]),
      'chat.quota.estimate',
    ];
    expect(need.filter((k) => !flatDe.has(k))).toEqual([]);
  });

  it('i18n-keys.md lists every key', () => {
    const md = readFileSync('server/chat/i18n-keys.md', 'utf8');
    expect([...flatDe.keys()].filter((k) => !md.includes(`\`${k}\``))).toEqual([]);
  });
});
