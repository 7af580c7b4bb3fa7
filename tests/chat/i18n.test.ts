/**
 * What only chat knows: every state, reason and rule has a message, and i18n-keys.md lists every key. Key
 * parity and placeholders are checked for every registered catalogue in client/i18n/catalogues.test.ts.
 */
import { flattenCatalogue, type CatalogueTree } from '../../client/testing/catalogue.js';
import { describe, expect, it } from 'vitest';
import { BridgeErrorReason, BridgeOffReason, BridgeState, ChatImportRule } from '../../shared/chat/schemas.js';
import type { YoutubeUrlError } from '../../shared/events/youtube-url.js';
import de from '../../client/chat/i18n/de.json';
import { readFileSync } from 'node:fs';

const flatDe = flattenCatalogue(de as CatalogueTree);

describe('chat catalogues', () => {
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
