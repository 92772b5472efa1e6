/**
 * This process's peak RSS. Linux's `VmHWM` (in /proc/self/status) where there is one, not
 * getrusage's maxRSS: a spawned child's maxRSS starts at its parent's RSS when it forked (Linux
 * carries it across exec), so a bench phase run by a parent that held 800 MB reported 800 MB
 * whatever its own peak. The source of `VM_HWM_KB` is also what a preload hook of a child inlines.
 */
import { readFileSync } from 'node:fs';

/** A JS expression giving the peak RSS in KB (needs `readFileSync` from node:fs in scope). */
export const VM_HWM_KB =
  "(() => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) || process.resourceUsage().maxRSS; } catch { return process.resourceUsage().maxRSS; } })()";

export function peakRssKb(): number {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    if (kb > 0) return kb;
  } catch {
    // not Linux: getrusage's figure
  }
  return process.resourceUsage().maxRSS;
}

export function peakRssMb(): number {
  return peakRssKb() / 1024;
}
