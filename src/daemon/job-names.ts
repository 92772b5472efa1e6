/**
 * The jobs the daemon schedules and their rules from `config.schedule`.
 */
import type { RadarConfig } from '../config/schema.ts';
import type { Rule } from './schedule.ts';

/**
 * In the order their catch-up runs are queued: the backup of the state as the last run left it,
 * new labels, then the pipeline that ranks with them.
 */
export const DAEMON_JOBS = [
  'sync',
  'feedbackPoll',
  'dailyPipeline',
  'benchmarks',
  'leaderboards',
  'weeklyTrends',
] as const;
export type DaemonJobName = (typeof DAEMON_JOBS)[number];

export function jobRules(config: RadarConfig): Array<{ name: DaemonJobName; rule: Rule }> {
  return DAEMON_JOBS.map((name) => ({
    name,
    rule: { pattern: config.schedule[name], timezone: config.schedule.timezone },
  }));
}
