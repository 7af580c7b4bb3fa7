import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
const on = !!process.env.PLENUM_TRACE;
const stats = new Map<string, number[]>();
export function trace(name: string, ms: number): void {
  if (!on) return;
  let a = stats.get(name);
  if (!a) stats.set(name, (a = []));
  a.push(ms);
}
if (on) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  setInterval(() => {
    const parts = [`loop p50 ${(h.percentile(50) / 1e6).toFixed(1)} p99 ${(h.percentile(99) / 1e6).toFixed(1)} max ${(h.max / 1e6).toFixed(1)}`];
    h.reset();
    for (const [k, a] of stats) {
      a.sort((x, y) => x - y);
      const sum = a.reduce((s, x) => s + x, 0);
      parts.push(`${k} n ${a.length} p50 ${a[Math.floor(a.length / 2)]!.toFixed(1)} p99 ${a[Math.floor(a.length * 0.99)]!.toFixed(1)} max ${a[a.length - 1]!.toFixed(1)} sum ${sum.toFixed(0)}`);
    }
    stats.clear();
    appendFileSync(process.env.PLENUM_TRACE!, `${new Date().toISOString().slice(11, 19)} ${parts.join(' | ')}\n`);
  }, 2000).unref();
}
