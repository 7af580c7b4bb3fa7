/** What the two stage pages share: the page class on <html>, the keys, and the connection. */
import { useEffect, useState } from 'react';
import { usePageLanguage } from '../i18n/index.js';
import { preloadOnAir } from '../kernel/panels.js';
import { useEventState, useFeatures } from '../kernel/react.js';

/** Puts a class on <html> while the page is shown: the stage pages drop the app's background and scroll bars. */
export function useHtmlClass(name: string): void {
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add(name);
    return () => html.classList.remove(name);
  }, [name]);
}

/** Loads every feature's on-air component at once, so the first item that goes on air renders without a wait. */
export function usePreloadOnAir(): void {
  const features = useFeatures();
  useState(() => void preloadOnAir(features));
}

export function useEventLanguage(): void {
  const language = useEventState((s) => s.synced.event?.language);
  usePageLanguage(language);
}

/** The presenter's keys: F full screen, Q the QR code. Ignored with modifier keys and inside form fields. */
export function stageKeyAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'> & { target: EventTarget | null }): 'fullscreen' | 'qr' | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const target = e.target as HTMLElement | null;
  if (target && typeof target.closest === 'function' && target.closest('input, textarea, select, [contenteditable="true"]')) return null;
  const key = e.key.toLowerCase();
  return key === 'f' ? 'fullscreen' : key === 'q' ? 'qr' : null;
}

export function toggleFullscreen(doc: Document = document): void {
  if (doc.fullscreenElement) void doc.exitFullscreen?.().catch(() => {});
  else void doc.documentElement.requestFullscreen?.().catch(() => {});
}

export function useStageKeys(onQr: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = stageKeyAction(e);
      if (action === 'fullscreen') toggleFullscreen();
      else if (action === 'qr') onQr();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onQr]);
}
