/** Reads CPU and memory of a process (and of the whole machine) from /proc. Linux only. */
import { readFileSync } from 'node:fs';
import { parseMachineStat, parseProcCpuTicks, parseRssBytes } from './core.js';

/** USER_HZ is 100 in Linux's userspace ABI whatever the kernel's HZ. */
const TICK_US = 10_000;

/** utime + stime of every thread of `pid`, in microseconds. */
export function processCpuUs(pid: number): number {
  return parseProcCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * TICK_US;
}

export function processRssBytes(pid: number): number {
  try {
    return parseRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return 0; // the process is gone
  }
}

export function machineStat(): { idle: number; total: number } {
  return parseMachineStat(readFileSync('/proc/stat', 'utf8'));
}
