import { localDay } from '../../core/local-day.ts';
import { formatHealth } from '../../daemon/health.ts';
import { readHealth } from '../../daemon/health-report.ts';
import { ledgerMonth } from '../../store/ledger-store.ts';
import type { Inline } from '../chat-adapter.ts';
import { bold, text } from '../message-format.ts';
import { pollerStatusLines } from '../poller-status.ts';
import { type Command, type CommandDeps, today } from './command-types.ts';

const RECENT = 5;
const WINDOW = 20;

async function recentRuns(deps: CommandDeps): Promise<Inline[][]> {
  const runs = await deps.stores.runs.list(WINDOW);
  if (runs.length === 0) return [[text('Runs: none yet.')]];
  const failed = runs.filter((r) => r.status === 'failed' || r.status === 'partial').length;
  const lines = runs.slice(0, RECENT).map((run): Inline[] => {
    const steps = run.steps.filter((s) => s.status === 'failed').map((s) => s.name);
    const detail = steps.length > 0 ? `, failed steps: ${steps.join(', ')}` : '';
    return [text(`• ${run.startedAt.slice(0, 16).replace('T', ' ')} ${run.kind}: ${run.status}${detail}`)];
  });
  return [[text(`Last runs (${failed} failed or partial of the last ${runs.length}):`)], ...lines];
}

async function spendToday(deps: CommandDeps): Promise<Inline[]> {
  const day = today(deps);
  const rows = await deps.stores.ledger.readMonths([ledgerMonth(`${day}T00:00:00Z`)]);
  const todays = rows.filter((r) => localDay(new Date(r.at), deps.config.schedule.timezone) === day);
  const cost = todays.reduce((sum, r) => sum + r.costUsd, 0);
  const failed = todays.filter((r) => !r.ok).length;
  return [
    text(
      `LLM today: $${cost.toFixed(4)} of $${deps.config.budgets.dailyUsd.toFixed(2)} budget, ${todays.length} calls, ${failed} failed.`,
    ),
  ];
}

/** The same health lines as `radar status` (the spend line is below, with call counts). */
async function health(deps: CommandDeps): Promise<Inline[][]> {
  const input = await readHealth(deps, deps.clock.now());
  const lines = [
    ...formatHealth({ ...input, spend: undefined }),
    ...(await pollerStatusLines(deps.stateDir)),
  ];
  return lines.map((line) => [text(line)]);
}

export const status: Command = async (deps) => ({
  blocks: [
    [bold('Radar status')],
    ...(await health(deps)),
    ...(await recentRuns(deps)),
    await spendToday(deps),
  ],
});
