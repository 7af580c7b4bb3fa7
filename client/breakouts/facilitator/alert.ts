/**
 * How a facilitator notices a help request while looking elsewhere: a tab title that counts the unseen
 * requests, and a short beep (WebAudio, no sound file; mutable). The title is pure; the beep is the shell.
 */

/** "(2) Hilfe angefordert – Plenum" while requests are unseen; the plain title otherwise. */
export function alertTitle(base: string, unseen: number, label: string): string {
  return unseen > 0 ? `(${unseen}) ${label} – ${base}` : base;
}

type AudioCtor = new () => AudioContext;

/** A 0.15 s tone at 880 Hz; silently nothing where the browser has no WebAudio or blocks it. */
export function beep(win: { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor } = globalThis as never): boolean {
  const Ctor = win.AudioContext ?? win.webkitAudioContext;
  if (!Ctor) return false;
  try {
    const ctx = new Ctor();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.15;
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.15);
    osc.onended = () => void ctx.close();
    return true;
  } catch {
    return false;
  }
}

const MUTE_KEY = 'plenum:helpSoundMuted';
export function soundMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}
export function setSoundMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
